import { ANONYMOUS, authorName, readDate, type ImportComment } from "@/lib/import/items";
import { childText, child, type RecordShape, type XmlNode, type XmlRoot } from "@/lib/import/xml-stream";

/**
 * Disqus's XML export (Admin → Moderation → Export): a `disqus` root in the
 * http://disqus.com namespace holding every `category`, then every `thread` (a page that
 * had comments: its `link`, `title` and `id`, the identifier the site gave Disqus), then
 * every `post` (a comment). A post names its thread and the post it answers by their
 * `dsq:id` attributes; `isDeleted` and `isSpam` say what became of it.
 */
export const DISQUS = "http://disqus.com";

export const DISQUS_LABEL = "Disqus export";

export const DISQUS_SHAPE: RecordShape = { recordDepth: 1, recordLocal: ["category", "thread", "post"] };

export function isDisqusRoot(root: XmlRoot): boolean {
  return root.local === "disqus" && root.uri === DISQUS;
}

export type DisqusThread = {
  sourceId: string;
  link: string;
  title: string;
  identifier: string;
  position: XmlNode["position"];
};

export type DisqusRecord =
  | { type: "thread"; thread: DisqusThread }
  | { type: "post"; threadId: string; comment: ImportComment; spam: boolean }
  | { type: "ignored"; what: string };

/** Reads one record; `dsq:id` attributes are read by their local name ("id"). */
export function readDisqusRecord(node: XmlNode): DisqusRecord {
  const sourceId = node.attrs.id ?? "";
  if (node.local === "thread")
    return {
      type: "thread",
      thread: {
        sourceId,
        link: childText(node, "link", DISQUS),
        title: childText(node, "title", DISQUS),
        identifier: childText(node, "id", DISQUS),
        position: node.position,
      },
    };
  if (node.local !== "post") return { type: "ignored", what: node.local };

  const author = child(node, "author", DISQUS);
  const anonymous = author ? flag(childText(author, "isAnonymous", DISQUS)) : true;
  const name = author ? childText(author, "name", DISQUS) || childText(author, "username", DISQUS) : "";
  const created = childText(node, "createdAt", DISQUS);
  const createdAt = readDate(created);
  const spam = flag(childText(node, "isSpam", DISQUS));
  return {
    type: "post",
    threadId: child(node, "thread", DISQUS)?.attrs.id ?? "",
    spam,
    comment: {
      sourceId,
      // Filled in once the thread is matched to a post here.
      postSourceId: "",
      parentSourceId: child(node, "parent", DISQUS)?.attrs.id || null,
      // A guest (isAnonymous) still gives Disqus a name; only a missing one is "Anonymous".
      authorName: name ? authorName(name) : anonymous ? ANONYMOUS : authorName(""),
      html: child(node, "message", DISQUS)?.text ?? "",
      createdAt,
      badDate: createdAt ? undefined : created || "(none)",
      // Disqus does not say who deleted a post; the tombstone says it was removed.
      removed: flag(childText(node, "isDeleted", DISQUS)) ? "moderator" : null,
      state: spam ? "spam" : "approved",
      position: node.position,
    },
  };
}

function flag(text: string): boolean {
  return text.trim().toLowerCase() === "true";
}

/** A `--map old-prefix=new-prefix` option, checked. */
export type UrlMapping = { from: string; to: string };

export function parseUrlMapping(option: string): UrlMapping {
  const at = option.indexOf("=");
  if (at <= 0) throw new Error(`--map wants old-prefix=new-prefix, got "${option}"`);
  return { from: option.slice(0, at), to: option.slice(at + 1) };
}

/** The thread's address after the first mapping whose prefix it starts with (longest first). */
export function mapLink(link: string, mappings: readonly UrlMapping[]): string {
  const mapping = [...mappings]
    .sort((a, b) => b.from.length - a.from.length)
    .find((each) => link.startsWith(each.from));
  return mapping ? mapping.to + link.slice(mapping.from.length) : link;
}
