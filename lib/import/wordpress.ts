import {
  authorName,
  readDate,
  sitePath,
  type CommentState,
  type ImportComment,
  type ImportRecord,
} from "@/lib/import/items";
import { REMOVED_META } from "@/lib/export/wxr-meta";
import { child, childText, children, type XmlNode } from "@/lib/import/xml-stream";

/**
 * WordPress eXtended RSS (WXR 1.1 and 1.2, Tools → Export): each `item` is a post, page
 * or attachment with its comments inside it; `wp:comment_parent` nests them. Ids are per
 * site, so stable ids carry the site's address.
 */
export function isWordPressNamespace(uri: string): boolean {
  return /^https?:\/\/wordpress\.org\/export\/1\.[12]\/$/.test(uri);
}

const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const DC = "http://purl.org/dc/elements/1.1/";

const POST_STATUS: Record<string, "published" | "draft"> = {
  publish: "published",
  future: "published",
  draft: "draft",
  pending: "draft",
  private: "draft",
};

const COMMENT_STATE: Record<string, CommentState> = {
  "1": "approved",
  "0": "held",
  spam: "spam",
  trash: "trash",
  "post-trashed": "trash",
};

/** Values from the channel, read before the first item. */
export type WordPressSite = { baseUrl: string };

export function readWordPressItem(item: XmlNode, site: WordPressSite, wp: string): ImportRecord {
  const postId = childText(item, "post_id", wp);
  const sourceId = `${site.baseUrl}?p=${postId}`;
  const type = childText(item, "post_type", wp);
  const status = childText(item, "status", wp);
  const position = item.position;
  if (type !== "post" && type !== "page")
    return { type: "ignored", what: type || "item", sourceId, position, reason: "not a post or page" };
  const postStatus = POST_STATUS[status];
  if (!postStatus)
    return { type: "ignored", what: type, sourceId, position, reason: `status ${status || "(none)"}` };

  const dateText = childText(item, "post_date_gmt", wp);
  const publishedAt =
    wordPressDate(dateText) ??
    wordPressDate(childText(item, "post_date", wp)) ??
    readDate(childText(item, "pubDate"));
  const link = childText(item, "link");
  const path = link ? sitePath(link) : null;
  const categories = children(item, "category").filter(
    (category) => category.attrs.domain === "category" || category.attrs.domain === "post_tag",
  );
  return {
    type: "post",
    post: {
      kind: type,
      sourceId,
      title: childText(item, "title"),
      html: paragraphs(child(item, "encoded", CONTENT)?.text ?? ""),
      slug: decodeSafely(childText(item, "post_name", wp)),
      status: postStatus,
      publishedAt,
      badDate: publishedAt ? undefined : dateText || "(none)",
      labels: categories
        .map((category) => category.text.trim())
        .filter((name) => name && name !== "Uncategorized"),
      authorName: childText(item, "creator", DC) || null,
      // "/?p=123" always works on WordPress, whatever its permalink setting.
      oldPaths: [...new Set([...(path && !path.startsWith("/?") ? [path] : []), `/?p=${postId}`])],
      position,
    },
    comments: children(item, "comment", wp).map((comment) => readComment(comment, site, sourceId, wp)),
  };
}

function readComment(comment: XmlNode, site: WordPressSite, postSourceId: string, wp: string): ImportComment {
  const id = childText(comment, "comment_id", wp);
  const parent = childText(comment, "comment_parent", wp);
  const type = childText(comment, "comment_type", wp);
  const dateText = childText(comment, "comment_date_gmt", wp);
  const createdAt = wordPressDate(dateText) ?? wordPressDate(childText(comment, "comment_date", wp));
  const approved = childText(comment, "comment_approved", wp);
  const removed = removedMeta(comment, wp);
  return {
    sourceId: `${site.baseUrl}#comment-${id}`,
    postSourceId,
    parentSourceId: parent && parent !== "0" ? `${site.baseUrl}#comment-${parent}` : null,
    authorName: authorName(childText(comment, "comment_author", wp)),
    html: paragraphs(childText(comment, "comment_content", wp)),
    createdAt,
    badDate: createdAt ? undefined : dateText || "(none)",
    removed,
    state:
      type === "pingback" || type === "trackback"
        ? "pingback"
        : removed
          ? "approved"
          : (COMMENT_STATE[approved] ?? "held"),
    position: comment.position,
  };
}

/**
 * Commonplace's own WXR export marks a removed comment with a comment meta saying who
 * removed it (lib/export/wxr.ts): it comes back as a tombstone in its place, replies kept,
 * instead of as trash (which WordPress itself makes of it).
 */
function removedMeta(comment: XmlNode, wp: string): "author" | "moderator" | null {
  for (const meta of children(comment, "commentmeta", wp)) {
    if (childText(meta, "meta_key", wp) !== REMOVED_META) continue;
    return childText(meta, "meta_value", wp) === "author" ? "author" : "moderator";
  }
  return null;
}

/** "2024-06-19 02:00:00" (UTC for the _gmt fields); WordPress writes zeros when unknown. */
function wordPressDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) || text.startsWith("0000")) return null;
  return readDate(`${text.replace(" ", "T")}Z`);
}

/**
 * WordPress stores text with blank lines between paragraphs and adds the <p> tags when
 * it shows a post (wpautop); without them the paragraphs would run together. A part that
 * is already a block (a table, a list) is left as it is.
 */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (BLOCK_START.test(part) ? part : `<p>${part.replace(/\n/g, "<br>")}</p>`))
    .join("\n");
}

const BLOCK_START = /^<(p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|blockquote|pre|figure|hr)\b/i;

function decodeSafely(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}
