import "server-only";
import { createHash } from "node:crypto";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { threadPosition, type ThreadComment } from "@/lib/comments/tree";
import { threadCommentSelect, toThreadComment } from "@/lib/data/comments";
import { isUniqueViolation } from "@/lib/data/errors";
import type { CurrentUser } from "@/lib/data/users";
import { postPath } from "@/lib/posts/paths";
import { asReadable, readableNow } from "@/lib/posts/readable";

export type CommentLimits = { minIntervalSeconds: number; perHour: number };

export type CreateCommentRejection =
  | {
      reason:
        | "post-missing"
        | "comments-closed"
        | "parent-missing"
        | "parent-deleted"
        | "banned"
        | "duplicate"
        | "hourly-limit";
    }
  | { reason: "too-fast"; retryAfterSeconds: number };

export type CreateCommentResult =
  | {
      ok: true;
      commentId: number;
      postPath: string;
      repeatedSubmit: boolean;
      /**
       * A newly stored comment as the thread shows it, and where it sits (absent for a
       * repeated submit): the insert returns it, so showing it costs no second read.
       */
      stored?: { comment: ThreadComment; thread: { rootId: number | null; depth: number } };
    }
  | ({ ok: false } & CreateCommentRejection);

type CreateCommentInput = {
  author: Pick<CurrentUser, "id" | "name">;
  postId: number;
  parentId: number | null;
  body: string;
  idempotencyKey: string;
};

const HOUR_MS = 60 * 60_000;

/**
 * Stores a comment if every rule allows it. The flood and duplicate rules are one
 * guarded UPDATE on the author's row (not check-then-insert), so 20 parallel requests
 * from one person store one comment; the idempotency key makes a retried submission
 * return the comment it already created.
 */
export async function createComment(
  input: CreateCommentInput,
  limits: CommentLimits = config.commentLimits,
  now = new Date(),
): Promise<CreateCommentResult> {
  const post = await db.post.findFirst({
    where: { id: input.postId, ...readableNow(now) },
    select: { slug: true, publishedAt: true, commentsEnabled: true },
  });
  if (!post) return { ok: false, reason: "post-missing" };
  const path = postPath(asReadable(post));
  if (!post.commentsEnabled) return { ok: false, reason: "comments-closed" };

  // A reply inherits its thread position from its parent (see threadPosition).
  let position = threadPosition(null);
  if (input.parentId !== null) {
    const parent = await db.comment.findUnique({
      where: { id: input.parentId },
      select: { id: true, postId: true, rootId: true, depth: true, deletedAt: true },
    });
    if (!parent || parent.postId !== input.postId) return { ok: false, reason: "parent-missing" };
    if (parent.deletedAt) return { ok: false, reason: "parent-deleted" };
    position = threadPosition(parent);
  }

  // A resubmitted form (same key) is found when its slot is refused (the same text is a
  // duplicate) or its insert meets the unique key: no lookup is spent on every comment.
  const bodyHash = createHash("sha256").update(input.body).digest("hex");
  if (!(await claimCommentSlot(input.author.id, bodyHash, limits, now))) {
    const repeated = await findBySubmission(input.author.id, input.idempotencyKey);
    if (repeated) return { ok: true, commentId: repeated, postPath: path, repeatedSubmit: true };
    return { ok: false, ...(await explainRefusal(input.author.id, bodyHash, limits, now)) };
  }

  try {
    const comment = await retryOnConflict(() =>
      db.comment.create({
        data: {
          postId: input.postId,
          parentId: input.parentId,
          rootId: position.rootId,
          depth: position.depth,
          authorId: input.author.id,
          authorName: input.author.name,
          body: input.body,
          idempotencyKey: input.idempotencyKey,
          createdAt: now,
        },
        select: threadCommentSelect,
      }),
    );
    return {
      ok: true,
      commentId: comment.id,
      postPath: path,
      repeatedSubmit: false,
      stored: { comment: toThreadComment(comment), thread: position },
    };
  } catch (error) {
    const repeated = isUniqueViolation(error)
      ? await findBySubmission(input.author.id, input.idempotencyKey)
      : null;
    if (repeated) return { ok: true, commentId: repeated, postPath: path, repeatedSubmit: true };
    throw error;
  }
}

async function findBySubmission(authorId: string, idempotencyKey: string): Promise<number | null> {
  const row = await db.comment.findUnique({
    where: { authorId_idempotencyKey: { authorId, idempotencyKey } },
    select: { id: true },
  });
  return row?.id ?? null;
}

/**
 * Takes the author's next comment slot in one conditional UPDATE: not banned, not
 * within the minimum interval, not the same text as last time, and under the hourly
 * cap (a new hour window starts when the old one has passed).
 */
async function claimCommentSlot(
  userId: string,
  bodyHash: string,
  limits: CommentLimits,
  now: Date,
): Promise<boolean> {
  const intervalAgo = new Date(now.getTime() - limits.minIntervalSeconds * 1000);
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const allowedNow = {
    id: userId,
    bannedAt: null,
    AND: [
      { OR: [{ lastCommentAt: null }, { lastCommentAt: { lte: intervalAgo } }] },
      { OR: [{ lastCommentHash: null }, { lastCommentHash: { not: bodyHash } }] },
    ],
  };
  // Someone commenting again within the hour is the common case (and a burst's every
  // case): try their current window first, so it costs one guarded UPDATE, not two.
  // PostgreSQL re-checks the guard on the row as the previous writer left it (READ
  // COMMITTED), or refuses the UPDATE under stricter isolation: then it is run again.
  const sameWindow = await retryOnConflict(() =>
    db.user.updateMany({
      where: {
        ...allowedNow,
        commentWindowStart: { gt: hourAgo },
        commentWindowCount: { lt: limits.perHour },
      },
      data: { lastCommentAt: now, lastCommentHash: bodyHash, commentWindowCount: { increment: 1 } },
    }),
  );
  if (sameWindow.count === 1) return true;
  const freshWindow = await retryOnConflict(() =>
    db.user.updateMany({
      where: { ...allowedNow, OR: [{ commentWindowStart: null }, { commentWindowStart: { lte: hourAgo } }] },
      data: { lastCommentAt: now, lastCommentHash: bodyHash, commentWindowStart: now, commentWindowCount: 1 },
    }),
  );
  return freshWindow.count === 1;
}

async function explainRefusal(
  userId: string,
  bodyHash: string,
  limits: CommentLimits,
  now: Date,
): Promise<CreateCommentRejection> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { bannedAt: true, lastCommentAt: true, lastCommentHash: true },
  });
  if (!user || user.bannedAt) return { reason: "banned" };
  if (user.lastCommentHash === bodyHash) return { reason: "duplicate" };
  const nextAllowed = (user.lastCommentAt?.getTime() ?? 0) + limits.minIntervalSeconds * 1000;
  if (nextAllowed > now.getTime())
    return { reason: "too-fast", retryAfterSeconds: Math.ceil((nextAllowed - now.getTime()) / 1000) };
  return { reason: "hourly-limit" };
}
