import "server-only";
import { createHash } from "node:crypto";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import {
  holdReasons,
  type AuthorStanding,
  type FormSignals,
  type HoldReason,
} from "@/lib/comments/hold-rules";
import { threadPosition, type ThreadComment } from "@/lib/comments/tree";
import { getCommentSettings, type CommentSettings } from "@/lib/data/comment-settings";
import {
  approvedCommentsSql,
  hasEarlierDuplicate,
  insertComment,
  readWriteTarget,
  takeSlotInNewWindow,
  takeSlotInWindow,
  type SlotClaim,
} from "@/lib/data/comment-write-statements";
import { toThreadComment } from "@/lib/data/comments";
import { isUniqueViolation } from "@/lib/data/errors";
import type { CurrentUser } from "@/lib/data/users";
import { postPath } from "@/lib/posts/paths";
import { securityEvent } from "@/lib/log/security";
import { asReadable } from "@/lib/posts/readable";

export type CommentLimits = { minIntervalSeconds: number; perHour: number };

export type CreateCommentRejection =
  | {
      reason:
        | "post-missing"
        | "comments-closed"
        | "parent-missing"
        | "parent-deleted"
        | "parent-held"
        | "banned"
        | "unverified"
        | "duplicate"
        | "hourly-limit";
    }
  | { reason: "too-fast"; retryAfterSeconds: number }
  | { reason: "too-deep"; maxDepth: number };

export type CreateCommentResult =
  | {
      ok: true;
      commentId: number;
      postPath: string;
      /** The post's author, for the "Author" badge on the comment shown in place. */
      postAuthorId: string | null;
      repeatedSubmit: boolean;
      /** Held for review: shown only to its author and moderators until approved. */
      held: boolean;
      /**
       * A newly stored comment as the thread shows it, and where it sits (absent for a
       * repeated submit): the insert returns it, so showing it costs no second read.
       */
      stored?: { comment: ThreadComment; thread: { rootId: number | null; depth: number } };
    }
  | ({ ok: false } & CreateCommentRejection);

/**
 * Who writes, as the request loaded them: the name goes on the comment, the rest is what
 * the hold rules ask (role, account age, trust), so writing costs no second read of the
 * author's row.
 */
export type CommentAuthor = Pick<
  CurrentUser,
  "id" | "name" | "role" | "createdAt" | "trustedAt" | "emailVerifiedAt"
>;

type CreateCommentInput = {
  /** The email only makes a Gravatar hash for the comment shown in place, when that is on. */
  author: CommentAuthor & { email?: string };
  postId: number;
  parentId: number | null;
  body: string;
  idempotencyKey: string;
  /** How the form was filled in (honeypot, time taken); absent: nothing to say. */
  signals?: FormSignals;
  /** "Email me replies": stored on the comment and remembered as the author's default. */
  notifyReplies?: boolean;
};

/** What the flood and duplicate rules read of a write: a new comment's, or an edit's (lib/data/comment-edits.ts). */
export type SlotRequest = Pick<CreateCommentInput, "author" | "postId" | "body" | "idempotencyKey"> & {
  notifyReplies?: boolean;
};

/** The hash the duplicate rule compares: the post and the text. */
export function commentBodyHash(postId: number, body: string): string {
  return createHash("sha256").update(`${postId}\n${body}`).digest("hex");
}

const HOUR_MS = 60 * 60_000;

/**
 * "Unverified accounts can comment" off (docs/decisions/034): an account must have proved
 * its address first. Staff are exempt (the operator made them so, and the first admin is
 * created from the command line, with no mail). Read from the session's user row: no query.
 */
export function mustVerifyFirst(
  author: Pick<CommentAuthor, "role" | "emailVerifiedAt">,
  rules: Pick<CommentSettings, "unverifiedCanComment">,
): boolean {
  return !rules.unverifiedCanComment && author.role === "commenter" && !author.emailVerifiedAt;
}

/**
 * Stores a comment if every rule allows it, published or held for review (the rules of
 * lib/comments/hold-rules.ts, as set at /admin/settings). The flood and duplicate rules
 * are one guarded UPDATE on the author's row (not check-then-insert), so 20 parallel
 * requests from one person store one comment; the idempotency key makes a retried
 * submission return the comment it already created.
 */
export async function createComment(
  input: CreateCommentInput,
  limits: CommentLimits = config.commentLimits,
  now = new Date(),
  settings?: CommentSettings,
): Promise<CreateCommentResult> {
  const rules = settings ?? (await getCommentSettings());
  if (mustVerifyFirst(input.author, rules)) return { ok: false, reason: "unverified" };
  // Duplicates are per post within the window: an earlier one is found by this read, the
  // author's last one by the slot's guard, which closes the race between identical
  // parallel submissions.
  const duplicateSince = new Date(now.getTime() - rules.duplicateWindowMinutes * 60_000);
  const target = await readWriteTarget({
    postId: input.postId,
    parentId: input.parentId,
    authorId: input.author.id,
    body: input.body,
    duplicateSince,
    now,
  });
  if (!target) return { ok: false, reason: "post-missing" };
  const { post, parent } = target;
  const path = postPath(asReadable(post));
  if (!post.commentsEnabled) return { ok: false, reason: "comments-closed" };

  // A reply inherits its thread position from its parent (see threadPosition).
  let position = threadPosition(null);
  if (input.parentId !== null) {
    if (!parent || parent.postId !== input.postId) return { ok: false, reason: "parent-missing" };
    if (parent.deletedAt) return { ok: false, reason: "parent-deleted" };
    // Held comments stay leaves, so hiding them from readers never orphans a reply.
    if (parent.status !== "published") return { ok: false, reason: "parent-held" };
    position = threadPosition(parent);
    // Refused rather than attached higher up: the reply answers this comment, and
    // "replying to" someone else would misquote it (docs/decisions/023).
    if (position.depth > rules.maxReplyDepth)
      return { ok: false, reason: "too-deep", maxDepth: rules.maxReplyDepth };
  }

  // A resubmitted form (same key) is found when it is refused (the same text on the same
  // post is a duplicate) or its insert meets the unique key.
  const bodyHash = commentBodyHash(input.postId, input.body);
  const claimed = !target.duplicate && (await claimCommentSlot(input, bodyHash, duplicateSince, limits, now));
  if (!claimed) {
    const repeated = await findBySubmission(input.author.id, input.idempotencyKey);
    if (repeated)
      return {
        ok: true,
        commentId: repeated.id,
        postPath: path,
        postAuthorId: post.authorId,
        repeatedSubmit: true,
        held: repeated.held,
      };
    return { ok: false, ...(await explainRefusal(input, bodyHash, duplicateSince, limits, now)) };
  }

  const standing = await authorStanding(input.author, rules);
  const reasons = holdReasons({
    body: input.body,
    author: standing,
    signals: input.signals ?? { honeypotFilled: false, elapsedMs: null },
    rules,
    now,
  });

  try {
    const comment = await retryOnConflict(() =>
      insertComment({
        postId: input.postId,
        parentId: input.parentId,
        rootId: position.rootId,
        depth: position.depth,
        authorId: input.author.id,
        authorName: input.author.name,
        body: input.body,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        status: reasons.length > 0 ? "held" : "published",
        heldReasons: reasons.length > 0 ? JSON.stringify(reasons) : null,
        notifyReplies: input.notifyReplies ?? false,
      }),
    );
    if (reasons.length > 0) logHeld(input, comment.id, reasons);
    return {
      ok: true,
      commentId: comment.id,
      postPath: path,
      postAuthorId: post.authorId,
      repeatedSubmit: false,
      held: reasons.length > 0,
      stored: {
        comment: toThreadComment({
          ...comment,
          author: { role: standing.role, email: input.author.email ?? "" },
        }),
        thread: position,
      },
    };
  } catch (error) {
    const repeated = isUniqueViolation(error)
      ? await findBySubmission(input.author.id, input.idempotencyKey)
      : null;
    if (repeated)
      return {
        ok: true,
        commentId: repeated.id,
        postPath: path,
        postAuthorId: post.authorId,
        repeatedSubmit: true,
        held: repeated.held,
      };
    throw error;
  }
}

function logHeld(input: CreateCommentInput, commentId: number, reasons: HoldReason[]) {
  securityEvent("comment.held", { userId: input.author.id, postId: input.postId, commentId, reasons });
}

async function findBySubmission(
  authorId: string,
  idempotencyKey: string,
): Promise<{ id: number; held: boolean } | null> {
  const row = await db.comment.findUnique({
    where: { authorId_idempotencyKey: { authorId, idempotencyKey } },
    select: { id: true, status: true },
  });
  return row && { id: row.id, held: row.status === "held" };
}

/**
 * The same text by the same author on the same post within the window, other than the
 * author's last comment (the slot's guard catches that one atomically).
 */
function isEarlierDuplicate(input: SlotRequest, since: Date): Promise<boolean> {
  return hasEarlierDuplicate(input.author.id, input.postId, input.body, since);
}

/** The facts the hold rules read about an author; the approved count only when a rule needs it. */
export async function authorStanding(author: CommentAuthor, rules: CommentSettings): Promise<AuthorStanding> {
  const { role, createdAt, trustedAt } = author;
  const needsCount = rules.holdUntilApproved > 0 && trustedAt === null;
  const approvedComments = needsCount ? await countApproved(author.id, rules.holdUntilApproved) : null;
  return { role, createdAt, trustedAt, approvedComments };
}

/** Published comments of a user not removed by a moderator, counted up to `enough`. */
export async function countApproved(userId: string, enough: number): Promise<number> {
  return (await db.$queryRaw<unknown[]>(approvedCommentsSql(userId, enough))).length;
}

/**
 * Takes the author's next comment slot in one conditional UPDATE: not banned, not
 * within the minimum interval, not the same text as last time, and under the hourly
 * cap (a new hour window starts when the old one has passed).
 *
 * The slot records the text's hash and the submission's key. If the process dies (or
 * the INSERT fails) after the slot is taken, the form's resubmission carries the same
 * key and may take the slot again — otherwise the author's own retry would be refused
 * as a duplicate of a comment that was never stored (found by `npm run bench:cluster`,
 * killing an instance between the two statements). Parallel copies of one submission
 * can then both get here; the (author, key) unique index lets only one INSERT through.
 */
export async function claimCommentSlot(
  input: SlotRequest,
  bodyHash: string,
  duplicateSince: Date,
  limits: CommentLimits,
  now: Date,
): Promise<boolean> {
  const slot: SlotClaim = {
    authorId: input.author.id,
    claim: `${bodyHash}:${input.idempotencyKey}`,
    bodyHash,
    now,
    intervalAgo: new Date(now.getTime() - limits.minIntervalSeconds * 1000),
    duplicateSince,
    hourAgo: new Date(now.getTime() - HOUR_MS),
    perHour: limits.perHour,
    notifyReplies: input.notifyReplies,
  };
  // Someone commenting again within the hour is the common case (and a burst's every
  // case): try their current window first, so it costs one guarded UPDATE, not two.
  // PostgreSQL re-checks the guard on the row as the previous writer left it (READ
  // COMMITTED), or refuses the UPDATE under stricter isolation: then it is run again.
  if ((await retryOnConflict(() => takeSlotInWindow(slot))) === 1) return true;
  return (await retryOnConflict(() => takeSlotInNewWindow(slot))) === 1;
}

export async function explainRefusal(
  input: SlotRequest,
  bodyHash: string,
  duplicateSince: Date,
  limits: CommentLimits,
  now: Date,
): Promise<CreateCommentRejection> {
  const user = await db.user.findUnique({
    where: { id: input.author.id },
    select: { bannedAt: true, lastCommentAt: true, lastCommentHash: true },
  });
  if (!user || user.bannedAt) return { reason: "banned" };
  if (
    (user.lastCommentHash?.startsWith(bodyHash) &&
      user.lastCommentAt &&
      user.lastCommentAt > duplicateSince) ||
    (await isEarlierDuplicate(input, duplicateSince))
  )
    return { reason: "duplicate" };
  const nextAllowed = (user.lastCommentAt?.getTime() ?? 0) + limits.minIntervalSeconds * 1000;
  if (nextAllowed > now.getTime())
    return { reason: "too-fast", retryAfterSeconds: Math.ceil((nextAllowed - now.getTime()) / 1000) };
  return { reason: "hourly-limit" };
}
