import type { FilePosition } from "@/lib/import/errors";

/**
 * What every format reader turns its records into: the importer (lib/import/run.ts)
 * and the writer (lib/import/write.ts) know only these shapes, never a format.
 */
export type ImportSource = "blogger" | "wordpress" | "disqus" | "commonplace";

export type ImportPost = {
  kind: "post" | "page";
  /** Stable id in the export: the same item imported again is recognised by it. */
  sourceId: string;
  title: string;
  /** The body as the old blog stored it (HTML); converted when written. */
  html: string;
  /** The slug the old blog used, before it is made ours. */
  slug: string;
  status: "published" | "draft";
  publishedAt: Date | null;
  /** Raw date text when it could not be read (reported; the post is skipped). */
  badDate?: string;
  labels: string[];
  authorName: string | null;
  /** Site-relative paths the old blog served it at, kept as redirects. */
  oldPaths: string[];
  position: FilePosition;
};

/** A comment's state in its export; only "approved" ones are shown as they were. */
export type CommentState = "approved" | "held" | "spam" | "trash" | "pingback";

export type ImportComment = {
  sourceId: string;
  postSourceId: string;
  parentSourceId: string | null;
  authorName: string;
  html: string;
  createdAt: Date | null;
  badDate?: string;
  /** Removed before the export (kept as a tombstone so its replies keep their place). */
  removed: "author" | "moderator" | null;
  state: CommentState;
  position: FilePosition;
};

/** One record of the file, read: a post or page, comments, or something not imported. */
export type ImportRecord =
  | { type: "post"; post: ImportPost; comments: ImportComment[] }
  | { type: "comment"; comment: ImportComment }
  | { type: "ignored"; what: string; sourceId: string; position: FilePosition; reason: string };

/** Reads the site-relative path out of a URL ("https://x.blogspot.com/2024/06/a.html" → "/2024/06/a.html"). */
export function sitePath(url: string): string | null {
  try {
    const parsed = new URL(url, "http://placeholder.invalid");
    const path = decodeURI(parsed.pathname) + parsed.search;
    return path === "/" ? null : path;
  } catch {
    return null;
  }
}

const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

/** A date from the export, or null when it is missing, unreadable or outside 1970–9999. */
export function readDate(text: string): Date | null {
  if (!text) return null;
  const time = Date.parse(text);
  return Number.isFinite(time) && time >= EARLIEST && time <= LATEST ? new Date(time) : null;
}

export const ANONYMOUS = "Anonymous";

/** A display name: whitespace collapsed, "Anonymous" when there is none, at most 100 characters. */
export function authorName(name: string | null | undefined): string {
  const clean = (name ?? "").replace(/\s+/g, " ").trim();
  return clean ? clean.slice(0, 100) : ANONYMOUS;
}

/**
 * An old address as a request for it reaches the redirect lookup (getRedirectTarget):
 * next.config.ts turns Blogger's "/2024/06/a.html" into "/2024/06/a" and Next drops a
 * trailing slash ("/2024/06/19/a/" → "/2024/06/19/a") before any page sees them.
 */
export function redirectKey(path: string): string {
  const withoutHtml = /^\/\d{4}\/\d{2}\/[^/]+\.html$/.test(path) ? path.slice(0, -".html".length) : path;
  return withoutHtml.length > 1 ? withoutHtml.replace(/\/+$/, "") : withoutHtml;
}
