export const EXPORT_FORMATS = ["json", "wxr", "blogger"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportOptions = {
  /** The blog's address (config.siteUrl): ids and links in the file are made from it. */
  site: string;
  /** Email addresses of authors with accounts; left out unless asked for. */
  withEmails: boolean;
  /** The export's own date (tests fix it). */
  now?: Date;
};

/** File name and type of a download (lib/export, app/(admin)/admin/move). */
export const EXPORT_FILES: Record<ExportFormat, { extension: string; contentType: string; label: string }> = {
  json: { extension: "jsonl", contentType: "application/x-ndjson; charset=utf-8", label: "Commonplace JSON" },
  wxr: { extension: "xml", contentType: "application/rss+xml; charset=utf-8", label: "WordPress WXR 1.2" },
  blogger: {
    extension: "atom",
    contentType: "application/atom+xml; charset=utf-8",
    label: "Blogger (Takeout feed)",
  },
};
