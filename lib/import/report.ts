import { formatPosition, type FilePosition } from "@/lib/import/errors";

/** One item the report tells about: what, which, where in the file, and why. */
export type ReportLine = { what: string; sourceId: string; at: string; reason: string };

export type Counts = { posts: number; pages: number; comments: number; redirects: number };

/** What an import did (or, with --dry-run, would do). */
export type ImportReport = {
  file: string;
  format: string | null;
  dryRun: boolean;
  /** Newly written. */
  imported: Counts;
  /** Found from an earlier import of the same items, left as they are. */
  unchanged: Omit<Counts, "redirects">;
  /** Not imported, on purpose (drafts of other kinds, spam, held, duplicates). */
  skipped: ReportLine[];
  /** Imported with a change worth knowing (parent missing, body over the limit, bad date). */
  warnings: ReportLine[];
  /** A post (with its comments) that could not be written: nothing of it was kept. */
  failed: ReportLine[];
  /** Images copied into the upload store with --fetch-images (absent without it). */
  imagesFetched?: number;
  /** Records of kinds that are not content (Blogger settings and templates, attachments), counted. */
  ignored: Record<string, number>;
};

export function emptyCounts(): Counts {
  return { posts: 0, pages: 0, comments: 0, redirects: 0 };
}

export function newReport(file: string, dryRun: boolean): ImportReport {
  return {
    file,
    format: null,
    dryRun,
    imported: emptyCounts(),
    unchanged: { posts: 0, pages: 0, comments: 0 },
    skipped: [],
    warnings: [],
    failed: [],
    ignored: {},
  };
}

export function reportLine(
  file: string,
  item: { sourceId: string; position: FilePosition },
  what: string,
  reason: string,
): ReportLine {
  return { what, sourceId: item.sourceId, at: formatPosition(file, item.position), reason };
}

/** The report as the command prints it: counts first, then each line worth reading. */
export function formatReport(report: ImportReport): string {
  const { imported: i, unchanged: u } = report;
  const lines = [
    `${report.dryRun ? "Dry run (nothing written)" : "Imported"}: ${report.file} (${report.format ?? "unknown format"})`,
    `  ${report.dryRun ? "would import" : "imported"}: ${i.posts} posts, ${i.pages} pages, ${i.comments} comments, ${i.redirects} redirects`,
    `  already imported, unchanged: ${u.posts} posts, ${u.pages} pages, ${u.comments} comments`,
    `  skipped: ${report.skipped.length}, warnings: ${report.warnings.length}, failed: ${report.failed.length}`,
  ];
  if (report.imagesFetched !== undefined)
    lines.push(
      `  images copied into uploads: ${report.imagesFetched} (those that failed are under Warnings)`,
    );
  const ignored = Object.entries(report.ignored).map(([what, count]) => `${count} ${what}`);
  if (ignored.length > 0) lines.push(`  not content, ignored: ${ignored.join(", ")}`);
  const section = (title: string, entries: ReportLine[]) => {
    if (entries.length === 0) return;
    lines.push(`${title}:`);
    for (const entry of entries) lines.push(`  ${entry.at} ${entry.what} ${entry.sourceId}: ${entry.reason}`);
  };
  section("Failed (nothing of these was written)", report.failed);
  section("Skipped", report.skipped);
  section("Warnings", report.warnings);
  return lines.join("\n");
}
