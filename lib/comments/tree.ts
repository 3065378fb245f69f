/**
 * Comment threads are stored flat (each row points at its parent) and assembled here
 * without recursion, so a 5,000-comment thread or a 5,000-deep chain of replies cannot
 * blow the stack: two sorts (O(n log n)), then linear passes over a map. See
 * docs/decisions/003-comment-threads.md.
 */

import type { StaffRole } from "@/lib/auth/permissions";

export type DeletionKind = "author" | "moderator";

/** One comment as the public thread sees it: deleted text never gets this far. */
export type ThreadComment = {
  id: number;
  parentId: number | null;
  authorId: string | null;
  authorName: string;
  /** The author's staff role now (a public badge), null for readers and guests. */
  authorRole: StaffRole | null;
  /**
   * SHA-256 of the author's email for Gravatar, only when the blog owner turned it on
   * (docs/decisions/031); null otherwise and for comments without an account.
   */
  gravatarHash?: string | null;
  /** Null when the comment is deleted. */
  body: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deleted: DeletionKind | null;
  /** Hidden pending review after enough reports (docs/decisions/029): body is null. */
  hidden: boolean;
  /** Likes from readers (docs/decisions/030); whether the viewer is one of them is never here. */
  likeCount: number;
};

/** Where a comment sits in its thread, stored on every row (Comment.rootId/depth). */
export type ThreadPosition = { rootId: number | null; depth: number };

/**
 * The position of a new comment replying to `parent` (null: a top-level comment): under
 * the same top-level comment, or under the parent itself when that is top-level, one
 * level deeper. Every writer of comments (app, seeds, test factories) uses this.
 */
export function threadPosition(parent: ({ id: number } & ThreadPosition) | null): ThreadPosition {
  return parent
    ? { rootId: parent.rootId ?? parent.id, depth: parent.depth + 1 }
    : { rootId: null, depth: 0 };
}

export type CommentNode = ThreadComment & {
  depth: number;
  replies: CommentNode[];
  /** Set on comments flattened under the depth cap: who they answer. */
  inReplyTo?: { id: number; authorName: string };
};

export type BuildTreeOptions = {
  /**
   * Comment id -> replies not among `rows` (a page of a thread, see CommentPage). A
   * deleted comment with hidden replies stays as a tombstone: conservatively, since
   * those replies may all be deleted too, but a page never loads them to find out.
   */
  hiddenReplies?: Readonly<Record<number, number>>;
};

/**
 * Builds the visible thread: children in creation order under their parents, with
 * deleted comments kept only as tombstones above live replies (Blogger's behaviour).
 * Rows may come in any order; a row whose parent is missing is shown at the top level.
 */
export function buildCommentTree(
  rows: readonly ThreadComment[],
  { hiddenReplies = {} }: BuildTreeOptions = {},
): CommentNode[] {
  const sorted = [...rows].sort(compareByCreation);
  const nodes = new Map<number, CommentNode>();
  for (const row of sorted) nodes.set(row.id, { ...row, depth: 0, replies: [] });

  // A reply always has a higher id than its parent (the parent must exist first), so
  // walking ids downwards settles every subtree before its root: a node is visible if
  // it is live or has a visible reply (or replies not loaded, see BuildTreeOptions).
  const visible = new Set<number>();
  const newestFirst = [...rows].sort((a, b) => b.id - a.id);
  for (const row of newestFirst) {
    if (!row.deleted || visible.has(row.id) || (hiddenReplies[row.id] ?? 0) > 0) {
      visible.add(row.id);
      if (row.parentId !== null) visible.add(row.parentId);
    }
  }

  const roots: CommentNode[] = [];
  for (const row of sorted) {
    if (!visible.has(row.id)) continue;
    const node = nodes.get(row.id)!;
    const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
    if (parent && visible.has(parent.id)) {
      node.depth = parent.depth + 1;
      parent.replies.push(node);
    } else {
      roots.push(node);
    }
  }
  return roots;
}

/** Comments that count in "N comments:": every live one, replies included. */
export function countLiveComments(rows: readonly Pick<ThreadComment, "deleted">[]): number {
  let count = 0;
  for (const row of rows) if (!row.deleted) count++;
  return count;
}

/**
 * Caps nesting for display: replies below `maxDepth` are listed, in reading order,
 * under their ancestor at the cap, each saying whom it answers. The data stays
 * unlimited; only the rendering stops indenting.
 */
export function capThreadDepth(roots: CommentNode[], maxDepth: number): CommentNode[] {
  const stack: CommentNode[] = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.depth === maxDepth && node.replies.length > 0) {
      node.replies = flattenDescendants(node);
    } else {
      stack.push(...node.replies);
    }
  }
  return roots;
}

function flattenDescendants(root: CommentNode): CommentNode[] {
  const flat: CommentNode[] = [];
  const stack = [...root.replies].reverse().map((child) => ({ child, parent: root }));
  while (stack.length > 0) {
    const { child, parent } = stack.pop()!;
    const replies = child.replies;
    flat.push({
      ...child,
      depth: root.depth + 1,
      replies: [],
      inReplyTo: parent === root ? undefined : { id: parent.id, authorName: parent.authorName },
    });
    for (let i = replies.length - 1; i >= 0; i--) stack.push({ child: replies[i], parent: child });
  }
  return flat;
}

function compareByCreation(a: ThreadComment, b: ThreadComment): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
}
