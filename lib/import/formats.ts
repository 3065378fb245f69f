import { ATOM, readLegacyEntry } from "@/lib/import/blogger-legacy";
import { readTakeoutEntry, TAKEOUT } from "@/lib/import/blogger-takeout";
import { ImportError, type FilePosition } from "@/lib/import/errors";
import type { ImportRecord, ImportSource } from "@/lib/import/items";
import { isWordPressNamespace, readWordPressItem } from "@/lib/import/wordpress";
import type { RecordShape, XmlNode, XmlRoot } from "@/lib/import/xml-stream";

export type FormatName = "blogger-legacy" | "blogger-takeout" | "wordpress";

/** A format found in a file: where its records are and how to read one. */
export type Format = {
  name: FormatName;
  source: ImportSource;
  shape: RecordShape;
  /** Takes the simple elements above the records (the channel's address, the feed's id). */
  header(node: XmlNode): void;
  read(record: XmlNode): ImportRecord;
};

export const FORMAT_LABELS: Record<FormatName, string> = {
  "blogger-legacy": "Blogger backup (Atom)",
  "blogger-takeout": "Blogger Takeout feed",
  wordpress: "WordPress WXR",
};

/**
 * Tells the format from the root element and the namespaces it declares, not from the
 * file name: a Takeout feed declares Blogger's 2018 namespace; the legacy backup is an
 * Atom feed without it; WXR is RSS declaring a wordpress.org/export/1.x namespace.
 */
export function detectFormat(root: XmlRoot, position: FilePosition): Format {
  if (root.local === "feed" && root.uri === ATOM) {
    if (root.namespaces.includes(TAKEOUT)) return atomFormat("blogger-takeout", readTakeoutEntry);
    return atomFormat("blogger-legacy", readLegacyEntry);
  }
  const wp = root.namespaces.find(isWordPressNamespace);
  if (root.local === "rss" && wp) {
    const site = { baseUrl: "" };
    return {
      name: "wordpress",
      source: "wordpress",
      shape: { recordDepth: 2, recordLocal: "item" },
      header(node) {
        // wp:base_blog_url is the blog's own address; the channel link is the fallback.
        if (node.uri === wp && node.local === "base_blog_url") site.baseUrl = node.text.trim();
        else if (node.uri === "" && node.local === "link" && !site.baseUrl) site.baseUrl = node.text.trim();
      },
      read: (item) => readWordPressItem(item, site, wp),
    };
  }
  const found = root.uri ? `<${root.local}> in ${root.uri}` : `<${root.local}>`;
  throw new ImportError(
    `Not an export this importer knows (found ${found}); expected a Blogger backup or Takeout feed, a WordPress WXR file, or a Disqus export.`,
    position,
  );
}

function atomFormat(name: FormatName, read: (entry: XmlNode) => ImportRecord): Format {
  return { name, source: "blogger", shape: { recordDepth: 1, recordLocal: "entry" }, header() {}, read };
}
