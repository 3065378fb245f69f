import "server-only";
import { createHash } from "node:crypto";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeletionKind, ThreadComment } from "@/lib/comments/tree";
import { staffRole } from "@/lib/auth/permissions";
import { postPath } from "@/lib/posts/paths";
import { asReadable, readableNow } from "@/lib/posts/readable";

/** The columns a public thread row is made from (see toThreadComment). */
/** A comment's own columns as the thread shows it; a new comment's INSERT returns these. */
export const threadCommentColumns = {
  id: true,
  parentId: true,
  authorId: true,
  authorName: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  deletedReason: true,
  hiddenAt: true,
  likeCount: true,
} as const satisfies Prisma.CommentSelect;

export const threadCommentSelect = {
  ...threadCommentColumns,
  // The author's role, for the staff badge (the role is public; decision 024); their
  // email only for a Gravatar hash, when that is on (it never leaves this module).
  author: { select: { role: true, email: true } },
} as const satisfies Prisma.CommentSelect;

type ThreadCommentRow = Prisma.CommentGetPayload<{ select: typeof threadCommentSelect }>;

/** A row as the public thread sees it: the body of a deleted comment is dropped here. */
export function toThreadComment(row: ThreadCommentRow): ThreadComment {
  return {
    id: row.id,
    parentId: row.parentId,
    authorId: row.authorId,
    authorName: row.authorName,
    authorRole: staffRole(row.author?.role),
    gravatarHash: config.gravatar && row.author?.email ? gravatarHash(row.author.email) : null,
    // A hidden comment's text stays out of every public surface, like a deleted one's.
    body: row.deletedAt || row.hiddenAt ? null : row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deleted: row.deletedAt ? toDeletionKind(row.deletedReason) : null,
    hidden: row.hiddenAt !== null && row.deletedAt === null,
    likeCount: row.likeCount,
  };
}

/**
 * Every comment of a post in one query, shaped for the public thread. Deleted bodies
 * are dropped here, so they can never reach HTML, RSC payloads or JSON. Its cost grows
 * with the thread: public pages use lib/data/comment-pages.ts instead.
 */
export async function getThreadComments(postId: number): Promise<ThreadComment[]> {
  const rows = await db.comment.findMany({
    where: { postId, status: "published" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: threadCommentSelect,
  });
  return rows.map(toThreadComment);
}

/** One comment shaped for the thread (a reply just published, to show in place). */
export async function getThreadComment(commentId: number): Promise<ThreadComment | null> {
  const row = await db.comment.findUnique({ where: { id: commentId }, select: threadCommentSelect });
  return row ? toThreadComment(row) : null;
}

/** Gravatar's documented hash: SHA-256 of the trimmed, lower-case email. */
function gravatarHash(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

function toDeletionKind(reason: string | null): DeletionKind {
  return reason === "author" ? "author" : "moderator";
}

/** One live comment with what a delete confirmation needs to show and decide. */
export async function getLiveComment(commentId: number) {
  const row = await db.comment.findFirst({
    where: { id: commentId, deletedAt: null, post: readableNow() },
    select: {
      id: true,
      authorId: true,
      authorName: true,
      body: true,
      status: true,
      hiddenAt: true,
      post: { select: { id: true, slug: true, publishedAt: true, title: true, commentsEnabled: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    postId: row.post.id,
    commentsEnabled: row.post.commentsEnabled,
    authorId: row.authorId,
    authorName: row.authorName,
    body: row.body,
    /** Held for review: only its author and moderators may see it (docs/decisions/023). */
    held: row.status === "held",
    /** Hidden pending review after reports: its text is for moderators only (docs/decisions/029). */
    hidden: row.hiddenAt !== null,
    postTitle: row.post.title,
    postPath: postPath(asReadable(row.post)),
  };
}

/** Most own comments the viewer endpoint reports for one post; flood control keeps real counts far lower. */
const OWN_COMMENTS_LIMIT = 1000;

/** A user's live comments on one post (where the page may offer them "Delete"), and which are held. */
export async function getOwnComments(
  postId: number,
  userId: string,
): Promise<{ id: number; held: boolean; createdAt: Date }[]> {
  const rows = await db.comment.findMany({
    where: { postId, authorId: userId, deletedAt: null },
    select: { id: true, status: true, createdAt: true },
    orderBy: { id: "asc" },
    take: OWN_COMMENTS_LIMIT,
  });
  return rows.map((row) => ({ id: row.id, held: row.status === "held", createdAt: row.createdAt }));
}

/** The comment of a post published at `createdAtMs` (Blogger's ?showComment= permalinks). */
export async function findCommentIdByTime(postId: number, createdAtMs: number): Promise<number | null> {
  const row = await db.comment.findFirst({
    where: { postId, status: "published", createdAt: new Date(createdAtMs) },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return row?.id ?? null;
}
