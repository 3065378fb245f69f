import { authorName, readDate, sitePath, type ImportComment, type ImportRecord } from "@/lib/import/items";
import { child, childText, children, type XmlNode } from "@/lib/import/xml-stream";

/**
 * Blogger's legacy backup ("Back up content", an Atom feed): every post, page and comment
 * is an `entry`, told apart by its kind category. A comment names its post in
 * `thr:in-reply-to ref`, and its parent comment (when it is a reply) by the last segment
 * of its `link rel="related"`. Removed comments carry `blogger.contentRemoved`.
 */
export const ATOM = "http://www.w3.org/2005/Atom";
const THREAD = "http://purl.org/syndication/thread/1.0";
const GDATA = "http://schemas.google.com/g/2005";
const APP = "http://purl.org/atom/app#";
const KIND_SCHEME = "http://schemas.google.com/g/2005#kind";
const LABEL_SCHEME = "http://www.blogger.com/atom/ns#";
const KIND_PREFIX = "http://schemas.google.com/blogger/2008/kind#";

export function readLegacyEntry(entry: XmlNode): ImportRecord {
  const sourceId = childText(entry, "id", ATOM);
  const categories = children(entry, "category", ATOM);
  const kindTerm = categories.find((category) => category.attrs.scheme === KIND_SCHEME)?.attrs.term ?? "";
  const kind = kindTerm.startsWith(KIND_PREFIX) ? kindTerm.slice(KIND_PREFIX.length) : kindTerm;
  const position = entry.position;
  const published = childText(entry, "published", ATOM);
  const author = child(entry, "author", ATOM);
  const name = author ? childText(author, "name", ATOM) : "";

  if (kind === "post" || kind === "page") {
    const alternate = children(entry, "link", ATOM).find((link) => link.attrs.rel === "alternate");
    const path = alternate?.attrs.href ? sitePath(alternate.attrs.href) : null;
    const control = child(entry, "control", APP);
    const draft = control ? childText(control, "draft", APP) === "yes" : false;
    const publishedAt = readDate(published);
    return {
      type: "post",
      post: {
        kind,
        sourceId,
        title: childText(entry, "title", ATOM),
        html: child(entry, "content", ATOM)?.text ?? "",
        slug: slugFromPath(path),
        status: draft ? "draft" : "published",
        publishedAt,
        badDate: publishedAt ? undefined : published || "(none)",
        labels: categories
          .filter((category) => category.attrs.scheme === LABEL_SCHEME)
          .map((category) => category.attrs.term ?? ""),
        authorName: name || null,
        oldPaths: path ? [path] : [],
        position,
      },
      comments: [],
    };
  }
  if (kind === "comment") {
    const properties = new Map(
      children(entry, "extendedProperty", GDATA).map((property) => [
        property.attrs.name,
        property.attrs.value,
      ]),
    );
    const replyTo = child(entry, "in-reply-to", THREAD);
    const related = children(entry, "link", ATOM).find((link) => link.attrs.rel === "related");
    const createdAt = readDate(published);
    const content = child(entry, "content", ATOM)?.text ?? "";
    const comment: ImportComment = {
      sourceId,
      postSourceId: replyTo?.attrs.ref ?? "",
      parentSourceId: related?.attrs.href ? siblingId(sourceId, related.attrs.href) : null,
      authorName: authorName(name),
      html: content,
      createdAt,
      badDate: createdAt ? undefined : published || "(none)",
      removed: properties.get("blogger.contentRemoved") === "true" ? removedBy(content) : null,
      state: "approved",
      position,
    };
    return { type: "comment", comment };
  }
  return {
    type: "ignored",
    what: kind || "entry",
    sourceId,
    position,
    reason: "not a post, page or comment",
  };
}

/** "/2024/06/my-post.html" → "my-post". */
export function slugFromPath(path: string | null): string {
  const last = path?.split("/").filter(Boolean).at(-1) ?? "";
  return last.replace(/\.html?$/i, "");
}

/**
 * A parent comment's id, from the related link ".../comments/default/789" and the
 * comment's own id "tag:blogger.com,1999:blog-1.post-456": "tag:…blog-1.post-789".
 */
function siblingId(ownId: string, relatedHref: string): string | null {
  const parentNumber = relatedHref.split("/").filter(Boolean).at(-1);
  const prefix = ownId.slice(0, ownId.lastIndexOf(".post-") + ".post-".length);
  return parentNumber && /^\d+$/.test(parentNumber) && prefix.length > ".post-".length
    ? prefix + parentNumber
    : null;
}

/** Blogger leaves a sentence in place of a removed comment saying who removed it. */
export function removedBy(text: string): "author" | "moderator" {
  return /by the author/i.test(text) ? "author" : "moderator";
}
