import "server-only";
import { can, mayBanUser, mayDeleteComment } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { logModeration } from "@/lib/data/moderation-log";
import { removeAllComments } from "@/lib/data/remove-comments";
import { changeWithEvent } from "@/lib/events/log";
import type { CurrentUser } from "@/lib/data/users";
import { postPath } from "@/lib/posts/paths";

/**
 * Moderation writes. Every function takes the acting user (freshly loaded by a guard)
 * and decides here, next to the data, whether that user may act on that row: a caller
 * that forgets a check upstream still cannot delete someone else's comment.
 */

export type ModerationResult<T = object> =
  ({ ok: true } & T) | { ok: false; reason: "not-found" | "forbidden" | "invalid" };

type Actor = Pick<CurrentUser, "id" | "role" | "banned">;

const log = logModeration;

/**
 * Soft-deletes a comment: its author may (as "author"), and moderators may delete any
 * (as "moderator", with an optional note). Deleting a deleted comment changes nothing.
 */
export async function deleteComment(
  actor: Actor,
  commentId: number,
  note?: string,
): Promise<ModerationResult<{ postId: number; postPath: string; changed: boolean }>> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { authorId: true, post: { select: { id: true, slug: true, publishedAt: true } } },
  });
  if (!comment) return { ok: false, reason: "not-found" };
  const reason = mayDeleteComment(actor, comment);
  if (!reason) return { ok: false, reason: "forbidden" };
  const own = reason === "author";
  const now = new Date();
  const changed = await changeWithEvent(
    () =>
      db.comment.update({
        where: { id: commentId, deletedAt: null },
        data: {
          deletedAt: now,
          deletedById: actor.id,
          deletedReason: reason,
          deletionNote: own ? null : (note ?? null),
        },
        select: { id: true },
      }),
    { kind: "comment.deleted", postId: comment.post.id, commentId, actorId: actor.id, createdAt: now },
  );
  if (changed) await log(actor.id, `comment.delete.${reason}`, "comment", commentId, note);
  const path = comment.post.publishedAt
    ? postPath({ slug: comment.post.slug, publishedAt: comment.post.publishedAt })
    : "/";
  return { ok: true, postId: comment.post.id, postPath: path, changed };
}

/** Brings back a deleted comment with its original text, untouched. */
export async function restoreComment(
  actor: Actor,
  commentId: number,
): Promise<ModerationResult<{ postId: number; postPath: string; changed: boolean }>> {
  if (!can(actor, "restore:comment")) return { ok: false, reason: "forbidden" };
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { post: { select: { id: true, slug: true, publishedAt: true } } },
  });
  if (!comment) return { ok: false, reason: "not-found" };
  const changed = await changeWithEvent(
    () =>
      db.comment.update({
        where: { id: commentId, deletedAt: { not: null } },
        data: { deletedAt: null, deletedById: null, deletedReason: null, deletionNote: null },
        select: { id: true },
      }),
    { kind: "comment.restored", postId: comment.post.id, commentId, actorId: actor.id },
  );
  if (changed) await log(actor.id, "comment.restore", "comment", commentId);
  const path = comment.post.publishedAt
    ? postPath({ slug: comment.post.slug, publishedAt: comment.post.publishedAt })
    : "/";
  return { ok: true, postId: comment.post.id, postPath: path, changed };
}

/**
 * Bans a user from commenting (reading stays open), optionally removing all their
 * comments in the same step. Moderators cannot ban staff; nobody bans themselves.
 */
export async function banUser(
  actor: Actor,
  userId: string,
  options: { reason?: string; deleteComments?: boolean } = {},
): Promise<ModerationResult<{ deletedComments: number }>> {
  if (!can(actor, "ban:user")) return { ok: false, reason: "forbidden" };
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!target) return { ok: false, reason: "not-found" };
  if (!mayBanUser(actor, target)) return { ok: false, reason: "forbidden" };

  const banned = await db.user.updateMany({
    where: { id: userId, bannedAt: null },
    data: { bannedAt: new Date(), bannedReason: options.reason ?? null },
  });
  if (banned.count === 1) await log(actor.id, "user.ban", "user", userId, options.reason);
  let deletedComments = 0;
  if (options.deleteComments) {
    deletedComments = await removeAllComments(userId, {
      actorId: actor.id,
      deletedReason: "moderator",
      deletionNote: "Removed with the author's ban",
    });
    if (deletedComments > 0)
      await log(actor.id, "user.comments.delete", "user", userId, `${deletedComments} comments`);
  }
  return { ok: true, deletedComments };
}

export async function unbanUser(actor: Actor, userId: string): Promise<ModerationResult> {
  if (!can(actor, "ban:user")) return { ok: false, reason: "forbidden" };
  const result = await db.user.updateMany({
    where: { id: userId, bannedAt: { not: null } },
    data: { bannedAt: null, bannedReason: null },
  });
  if (result.count === 0) {
    const exists = await db.user.count({ where: { id: userId } });
    return exists ? { ok: true } : { ok: false, reason: "not-found" };
  }
  await log(actor.id, "user.unban", "user", userId);
  return { ok: true };
}
