import { cursorToken, DEFAULT_SORT, sortSearch, type CommentSort } from "@/lib/comments/sort";

/**
 * Addresses within a post's discussion. No settings and no dates here: the post page's
 * browser code uses these, and anything importing lib/config would bring zod along.
 */
export function commentAnchor(commentId: number): string {
  return `c${commentId}`;
}

/**
 * Where the post page sorted by `sort` is rendered and cached: next.config.ts rewrites
 * `<post>?sort=newest` here, so each order's first page is a cache entry of its own.
 */
export function sortedPostPath(postPath: string, sort: CommentSort): string {
  return `${postPath}/sorted/${sort}`;
}

/** "#c<id>": the fragment that scrolls to a comment. */
export function commentHash(commentId: number): string {
  return `#${commentAnchor(commentId)}`;
}

/** A comment's permanent address: redirects to whichever page shows it (app/(blog)/comments/[id]). */
export function commentPermalink(commentId: number): string {
  return `/comments/${commentId}`;
}

/** A comment on its post's page (where the first page shows it; see commentViewPath for any page). */
export function commentHref(postPath: string, commentId: number): string {
  return `${postPath}${commentHash(commentId)}`;
}

/** The page of a post's discussion that starts after top-level comment `after` in `sort` order. */
export function commentPagePath(postPath: string, after: number, sort: CommentSort = DEFAULT_SORT): string {
  return `${postPath}/comments/${cursorToken({ sort, after })}`;
}

/** "Continue this thread": one comment and the replies below it, on a page of their own. */
export function commentThreadPath(postPath: string, commentId: number): string {
  return `${postPath}/thread/${commentId}`;
}

/** Where a comment is shown, as lib/data/comment-pages.ts#locateComment found it. */
export type CommentView =
  | { kind: "first-page"; sort?: CommentSort }
  | { kind: "page"; after: number; sort?: CommentSort }
  | { kind: "subtree"; commentId: number };

/** The URL that shows comment `commentId`, scrolled to it. */
export function commentViewPath(postPath: string, view: CommentView, commentId: number): string {
  const anchor = commentHash(commentId);
  switch (view.kind) {
    case "first-page":
      return `${postPath}${sortSearch(view.sort ?? DEFAULT_SORT)}${anchor}`;
    case "page":
      return `${commentPagePath(postPath, view.after, view.sort)}${anchor}`;
    case "subtree":
      return `${commentThreadPath(postPath, view.commentId)}${anchor}`;
  }
}

/** A held comment on a page of its own (per request, never cached): where its author sees it without JavaScript. */
export function heldCommentPath(commentId: number): string {
  return `/comments/${commentId}/held`;
}

/** Editing a comment without JavaScript (docs/decisions/029). */
export function editPagePath(commentId: number): string {
  return `/comments/${commentId}/edit`;
}

/** Reporting a comment without JavaScript. */
export function reportPagePath(commentId: number): string {
  return `/comments/${commentId}/report`;
}

/** A comment's earlier versions, for moderators. */
export function commentHistoryPath(commentId: number): string {
  return `/moderation/comments/${commentId}/history`;
}
