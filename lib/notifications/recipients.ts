import "server-only";
import type { DbClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { retryOnConflict } from "@/lib/db/retry";

/**
 * Who hears about an event of the log (docs/decisions/035, 036), written as pending
 * Notification rows. The unique (eventId, recipientId) key makes this idempotent: two
 * notifiers handling the same events, or one handling them again after a crash before
 * its cursor moved, write each row once.
 */

/** What the notifier reads of an event (lib/events/log.ts's SiteEvent has these fields). */
export type NotifiableEvent = {
  id: number;
  kind: string;
  postId: number;
  commentId: number | null;
  actorId: string | null;
  createdAt: Date;
};

export type NotificationReason = "reply" | "follow" | "held" | "hidden";

/** Moderation mails are batched apart from any discussion: their "thread" is 0. */
export const MODERATION_THREAD = 0;

export const isModerationReason = (reason: string) => reason === "held" || reason === "hidden";

/** Roles that may moderate (and so may ask for moderation mails). */
export const MODERATOR_ROLES = ["moderator", "admin"];

/** Events older than this are not worth a mail any more (a notifier that was down for days). */
export const STALE_EVENT_MS = 24 * 60 * 60_000;

/** Who may get any notification mail at all: a proven address, not banned, not stopped. */
export const reachableUser = {
  emailVerifiedAt: { not: null },
  bannedAt: null,
  notificationsOffAt: null,
} satisfies Prisma.UserWhereInput;

type Row = {
  eventId: number;
  recipientId: string;
  postId: number;
  commentId: number;
  reason: NotificationReason;
};

/** The notifications one event causes, as the database is now (a comment deleted since gets none). */
export async function recipientsOf(db: DbClient, event: NotifiableEvent): Promise<Row[]> {
  if (event.commentId === null) return [];
  const comment = await db.comment.findUnique({
    where: { id: event.commentId },
    select: {
      id: true,
      postId: true,
      authorId: true,
      status: true,
      deletedAt: true,
      hiddenAt: true,
      parent: { select: { authorId: true, notifyReplies: true, deletedAt: true } },
    },
  });
  if (!comment || comment.deletedAt) return [];
  const row = (recipientId: string, reason: NotificationReason): Row => ({
    eventId: event.id,
    recipientId,
    postId: comment.postId,
    commentId: comment.id,
    reason,
  });
  const notSelf = comment.authorId ? { id: { not: comment.authorId } } : {};

  if (event.kind === "comment.created" || event.kind === "comment.approved") {
    if (comment.status !== "published" || comment.hiddenAt) return [];
    const parent = comment.parent;
    const replyTo = parent && parent.notifyReplies && !parent.deletedAt ? parent.authorId : null;
    const users = await db.user.findMany({
      where: {
        ...reachableUser,
        ...notSelf,
        OR: [
          ...(replyTo ? [{ id: replyTo }] : []),
          { threadSubscriptions: { some: { postId: comment.postId, state: "follow" } } },
        ],
        // A discussion unsubscribed from (its mail's link) stays silent, replies included.
        threadSubscriptions: { none: { postId: comment.postId, state: "mute" } },
      },
      select: { id: true },
    });
    return users.map((user) => row(user.id, user.id === replyTo ? "reply" : "follow"));
  }

  const held = event.kind === "comment.held" && comment.status === "held";
  const hidden = event.kind === "comment.hidden" && comment.hiddenAt !== null;
  if (!held && !hidden) return [];
  const moderators = await db.user.findMany({
    where: { ...reachableUser, ...notSelf, role: { in: MODERATOR_ROLES }, notifyModeration: true },
    select: { id: true },
  });
  return moderators.map((user) => row(user.id, held ? "held" : "hidden"));
}

/**
 * Writes the notifications of these events (skipping stale ones); rows already written
 * by anyone are left alone (ON CONFLICT DO NOTHING, which SQLite and PostgreSQL share).
 * Returns how many rows the events call for.
 */
export async function recordNotifications(
  db: DbClient,
  events: NotifiableEvent[],
  now = new Date(),
): Promise<number> {
  const rows: Row[] = [];
  for (const event of events) {
    if (now.getTime() - event.createdAt.getTime() > STALE_EVENT_MS) continue;
    rows.push(...(await recipientsOf(db, event)));
  }
  for (let start = 0; start < rows.length; start += 200) {
    const values = rows
      .slice(start, start + 200)
      .map(
        (row) =>
          Prisma.sql`(${row.eventId}, ${row.recipientId}, ${row.postId}, ${row.commentId}, ${row.reason}, 'pending', ${now})`,
      );
    await retryOnConflict(
      () => db.$executeRaw`
        INSERT INTO "Notification" ("eventId", "recipientId", "postId", "commentId", "reason", "state", "createdAt")
        VALUES ${Prisma.join(values)}
        ON CONFLICT ("eventId", "recipientId") DO NOTHING`,
    );
  }
  return rows.length;
}
