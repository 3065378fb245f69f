/**
 * The orders a discussion can be read in, and how the choice travels in URLs
 * (docs/decisions/030). Client-safe: the sort links and "Load more" use these.
 *
 * - oldest: top-level comments by id, Blogger's order and the default.
 * - newest: top-level comments by id, newest first.
 * - best: most liked first; among equal counts, newer first (a new comment has had
 *   less time to be liked, and is not buried under old ones nobody liked).
 *
 * Replies always stay in conversation order under their top-level comment.
 */
export const COMMENT_SORTS = ["oldest", "newest", "best"] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];
export const DEFAULT_SORT: CommentSort = "oldest";

export const SORT_LABELS: Record<CommentSort, string> = { oldest: "Oldest", newest: "Newest", best: "Best" };

export function isCommentSort(value: unknown): value is CommentSort {
  return typeof value === "string" && (COMMENT_SORTS as readonly string[]).includes(value);
}

/**
 * Where a further page starts: after top-level comment `after` in `sort` order. For
 * Oldest that is any id (ids greater than it); for Newest and Best it must be a
 * top-level comment of the post, whose current place in the order is read afresh, so
 * each post has at most one such page per top-level comment and order.
 */
export type CommentCursor = { sort: CommentSort; after: number };

const TOKEN = /^(?:(newest|best)-)?(\d{1,10})$/;

/** The cursor as a URL segment: "123" (Oldest, the form older links have), "newest-123", "best-123". */
export function cursorToken({ sort, after }: CommentCursor): string {
  return sort === DEFAULT_SORT ? String(after) : `${sort}-${after}`;
}

export function parseCursorToken(token: string): CommentCursor | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const after = Number(match[2]);
  if (!Number.isSafeInteger(after) || after > 2_147_483_647) return null;
  return { sort: (match[1] as CommentSort | undefined) ?? DEFAULT_SORT, after };
}

/** The first page of a post's discussion in `sort` order: "?sort=newest", nothing for the default. */
export function sortSearch(sort: CommentSort): string {
  return sort === DEFAULT_SORT ? "" : `?sort=${sort}`;
}
