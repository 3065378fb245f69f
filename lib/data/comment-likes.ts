import "server-only";
import { claimAttempt, type AttemptRule } from "@/lib/auth/attempt-counter";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { isNotFound, isUniqueViolation } from "@/lib/data/errors";
import { postPath } from "@/lib/posts/paths";
import { asReadable, readableNow } from "@/lib/posts/readable";

/**
 * Likes of comments (docs/decisions/030). One CommentLike row per reader and comment,
 * and a `likeCount` on the comment that pages read and "Best" sorts by. Both change in
 * one transaction, and the row's primary key decides a race: 20 parallel likes from one
 * reader store one row and add one; 100 readers add 100.
 */

/** Likes and unlikes one reader may make: enough to read a long thread, not to churn the page cache. */
export const LIKE_RATE: AttemptRule = { windowMs: 10 * 60_000, max: 60 };

export type LikeResult =
  | { ok: true; liked: boolean; likeCount: number; commentId: number; postId: number; postPath: string }
  | {
      ok: false;
      /** gone: unknown, deleted, held for review, or on a post readers cannot read. */
      reason: "gone" | "own-comment";
    }
  | { ok: false; reason: "too-fast"; retryAfterSeconds: number };

/** A comment that may take likes: published (not held), not deleted. */
const LIKEABLE = { status: "published", deletedAt: null } as const;

/**
 * Makes `userId`'s like of a comment `liked` (true: like, false: unlike). Doing what is
 * already done changes nothing and answers the current state, so a double click or a
 * repeated form post is harmless.
 */
export async function setCommentLike(
  userId: string,
  commentId: number,
  liked: boolean,
  now = new Date(),
): Promise<LikeResult> {
  const comment = await db.comment.findFirst({
    where: { id: commentId, ...LIKEABLE, post: readableNow(now) },
    select: { postId: true, authorId: true, post: { select: { slug: true, publishedAt: true } } },
  });
  if (!comment) return { ok: false, reason: "gone" };
  if (comment.authorId === userId) return { ok: false, reason: "own-comment" };

  const claim = await claimAttempt(likeRateKey(userId), LIKE_RATE, now);
  if (!claim.ok) return { ok: false, reason: "too-fast", retryAfterSeconds: claim.retryAfterSeconds };

  const done = (likeCount: number, isLiked: boolean): LikeResult => ({
    ok: true,
    liked: isLiked,
    likeCount,
    commentId,
    postId: comment.postId,
    postPath: postPath(asReadable(comment.post)),
  });

  // The counter moves only with the row, in one batch transaction: the guarded UPDATE
  // fails (P2025) if the comment was deleted or held meanwhile, and the INSERT fails on
  // the primary key (P2002) if this reader's like is already there, or the DELETE finds
  // nothing (P2025) if it is not; either failure rolls the other statement back. On
  // PostgreSQL a racing INSERT waits for the first one's commit and then fails the same.
  const counter = (change: "increment" | "decrement") =>
    db.comment.update({
      where: { id: commentId, ...LIKEABLE },
      data: { likeCount: { [change]: 1 } },
      select: { likeCount: true },
    });
  try {
    const [updated] = await retryOnConflict(() =>
      liked
        ? db.$transaction([
            counter("increment"),
            db.commentLike.create({
              data: { commentId, userId, postId: comment.postId, createdAt: now },
              select: { commentId: true },
            }),
          ])
        : db.$transaction([
            counter("decrement"),
            db.commentLike.delete({
              where: { commentId_userId: { commentId, userId } },
              select: { commentId: true },
            }),
          ]),
    );
    return done(updated.likeCount, liked);
  } catch (error) {
    if (!isUniqueViolation(error) && !isNotFound(error)) throw error;
  }
  // Nothing changed: the like was already as asked, or the comment went away meanwhile.
  const current = await db.comment.findFirst({
    where: { id: commentId, ...LIKEABLE },
    select: { likeCount: true },
  });
  if (!current) return { ok: false, reason: "gone" };
  const mine = await db.commentLike.findUnique({
    where: { commentId_userId: { commentId, userId } },
    select: { commentId: true },
  });
  return done(current.likeCount, mine !== null);
}

function likeRateKey(userId: string): string {
  return `like:${userId}`;
}

/** Most likes the viewer endpoint reports for one post: far above what the rate allows a reader to make on one page. */
const LIKED_LIMIT = 2000;

/** Which comments of a post `userId` likes (the viewer endpoint: never on a cached page). */
export async function getLikedCommentIds(userId: string, postId: number): Promise<number[]> {
  const rows = await db.commentLike.findMany({
    where: { userId, postId },
    select: { commentId: true },
    orderBy: { commentId: "asc" },
    take: LIKED_LIMIT,
  });
  return rows.map((row) => row.commentId);
}

/** A comment's count and whether `userId` likes it: the per-request like page. */
export async function getLikeState(
  userId: string,
  commentId: number,
): Promise<{ liked: boolean; likeCount: number } | null> {
  const [comment, mine] = await Promise.all([
    db.comment.findFirst({
      where: { id: commentId, ...LIKEABLE, post: readableNow() },
      select: { likeCount: true },
    }),
    db.commentLike.findUnique({
      where: { commentId_userId: { commentId, userId } },
      select: { commentId: true },
    }),
  ]);
  return comment && { liked: mine !== null, likeCount: comment.likeCount };
}
