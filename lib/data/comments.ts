import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeletionKind, ThreadComment } from "@/lib/comments/tree";
import { postPath } from "@/lib/posts/paths";

/** The columns a public thread row is made from (see toThreadComment). */
export const threadCommentSelect = {
  id: true,
  parentId: true,
  authorId: true,
  authorName: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  deletedReason: true,
} as const satisfies Prisma.CommentSelect;

type ThreadCommentRow = Prisma.CommentGetPayload<{ select: typeof threadCommentSelect }>;

/** A row as the public thread sees it: the body of a deleted comment is dropped here. */
export function toThreadComment(row: ThreadCommentRow): ThreadComment {
  return {
    id: row.id,
    parentId: row.parentId,
    authorId: row.authorId,
    authorName: row.authorName,
    body: row.deletedAt ? null : row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deleted: row.deletedAt ? toDeletionKind(row.deletedReason) : null,
  };
}

/**
 * Every comment of a post in one query, shaped for the public thread. Deleted bodies
 * are dropped here, so they can never reach HTML, RSC payloads or JSON. Its cost grows
 * with the thread: public pages use lib/data/comment-pages.ts instead.
 */
export async function getThreadComments(postId: number): Promise<ThreadComment[]> {
  const rows = await db.comment.findMany({
    where: { postId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: threadCommentSelect,
  });
  return rows.map(toThreadComment);
}

function toDeletionKind(reason: string | null): DeletionKind {
  return reason === "author" ? "author" : "moderator";
}

/** One live comment with what a delete confirmation needs to show and decide. */
export async function getLiveComment(commentId: number) {
  const row = await db.comment.findFirst({
    where: { id: commentId, deletedAt: null },
    select: { id: true, authorId: true, authorName: true, body: true, post: { select: { slug: true, publishedAt: true, title: true } } },
  });
  if (!row?.post.publishedAt) return null;
  return {
    id: row.id,
    authorId: row.authorId,
    authorName: row.authorName,
    body: row.body,
    postTitle: row.post.title,
    postPath: postPath({ slug: row.post.slug, publishedAt: row.post.publishedAt }),
  };
}
