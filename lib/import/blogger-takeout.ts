import { ATOM, removedBy, slugFromPath } from "@/lib/import/blogger-legacy";
import { ANONYMOUS, authorName, readDate, type CommentState, type ImportRecord } from "@/lib/import/items";
import { child, childText, children, type XmlNode } from "@/lib/import/xml-stream";

/**
 * Blogger's current export (Google Takeout, feed.atom): entries say what they are in
 * `blogger:type` (POST, PAGE, COMMENT) and `blogger:status`; a comment names its post in
 * `blogger:parent` and the comment it answers in `blogger:inReplyTo`; a post's old path
 * is `blogger:filename`; an author's `blogger:type` is BLOGGER or ANONYMOUS.
 */
export const TAKEOUT = "http://schemas.google.com/blogger/2018";

const POST_STATUS: Record<string, "published" | "draft"> = {
  LIVE: "published",
  SCHEDULED: "published",
  DRAFT: "draft",
};

/** Comment statuses; an unknown one is held back (not shown) and reported. */
const COMMENT_STATE: Record<string, CommentState | "removed"> = {
  LIVE: "approved",
  PENDING: "held",
  SPAM_COMMENT: "spam",
  SPAM: "spam",
  DELETED: "removed",
  SOFT_TRASHED: "trash",
  TRASHED: "trash",
};

export function readTakeoutEntry(entry: XmlNode): ImportRecord {
  const sourceId = childText(entry, "id", ATOM);
  const type = childText(entry, "type", TAKEOUT).toUpperCase();
  const status = childText(entry, "status", TAKEOUT).toUpperCase();
  const position = entry.position;
  const published = childText(entry, "published", ATOM) || childText(entry, "created", TAKEOUT);
  const author = child(entry, "author", ATOM);
  const anonymous = author ? childText(author, "type", TAKEOUT).toUpperCase() === "ANONYMOUS" : true;
  const name = author && !anonymous ? childText(author, "name", ATOM) : "";

  if (type === "POST" || type === "PAGE") {
    const postStatus = POST_STATUS[status];
    if (!postStatus)
      return {
        type: "ignored",
        what: type.toLowerCase(),
        sourceId,
        position,
        reason: `status ${status || "(none)"}`,
      };
    const filename = childText(entry, "filename", TAKEOUT);
    const path = filename ? (filename.startsWith("/") ? filename : `/${filename}`) : null;
    const publishedAt = readDate(published);
    return {
      type: "post",
      post: {
        kind: type === "PAGE" ? "page" : "post",
        sourceId,
        title: childText(entry, "title", ATOM),
        html: child(entry, "content", ATOM)?.text ?? "",
        slug: slugFromPath(path),
        status: postStatus,
        publishedAt,
        badDate: publishedAt ? undefined : published || "(none)",
        labels: children(entry, "category", ATOM).map((category) => category.attrs.term ?? ""),
        authorName: name || null,
        oldPaths: path ? [path] : [],
        position,
      },
      comments: [],
    };
  }
  if (type === "COMMENT") {
    const state = COMMENT_STATE[status] ?? "held";
    const content = child(entry, "content", ATOM)?.text ?? "";
    const createdAt = readDate(published);
    return {
      type: "comment",
      comment: {
        sourceId,
        postSourceId: childText(entry, "parent", TAKEOUT),
        parentSourceId: childText(entry, "inReplyTo", TAKEOUT) || null,
        authorName: anonymous ? ANONYMOUS : authorName(name),
        html: content,
        createdAt,
        badDate: createdAt ? undefined : published || "(none)",
        removed: state === "removed" ? removedBy(content) : null,
        state: state === "removed" ? "approved" : state,
        position,
      },
    };
  }
  return {
    type: "ignored",
    what: type.toLowerCase() || "entry",
    sourceId,
    position,
    reason: "not a post, page or comment",
  };
}
