import "server-only";
import { commentPermalink, heldCommentPath } from "@/lib/comments/paths";
import { isUniqueViolation } from "@/lib/data/errors";
import { queueMail } from "@/lib/data/outbox";
import type { DbClient } from "@/lib/db/client";
import { retryOnConflict } from "@/lib/db/retry";
import { composeMail } from "@/lib/mail/compose";
import { postPath } from "@/lib/posts/paths";
import {
  isModerationReason,
  MODERATION_THREAD,
  MODERATOR_ROLES,
  type NotificationReason,
} from "@/lib/notifications/recipients";
import { NOTIFICATIONS_PATH, oneClickUnsubscribePath, unsubscribePagePath } from "@/lib/notifications/paths";
import { unsubscribeToken, type UnsubscribeScope } from "@/lib/notifications/unsubscribe-token";

/**
 * Pending notifications become mails (docs/decisions/036): one mail per reader and
 * discussion (moderation mails are a "discussion" of their own) per `batchMinutes`,
 * listing everything gathered since the last. Each notification is checked again when
 * its mail is written: a reply deleted or held since, a reader who unsubscribed or
 * whose address is no longer verified, drops it.
 */

export type BatchSettings = {
  batchMinutes: number;
  siteUrl: string;
  blogName: string;
  now?: Date;
};

/** Replies quoted in a mail are cut here: the link leads to the rest. */
const QUOTE_MAX = 600;
/** Pending notifications read per pass; the rest wait for the next. */
const PASS_LIMIT = 500;

type Pending = { id: number; recipientId: string; postId: number; commentId: number; reason: string };

const threadOf = (row: Pending) => (isModerationReason(row.reason) ? MODERATION_THREAD : row.postId);

/** Writes the mails that are due; returns how many were queued (0 when another notifier wrote them). */
export async function sendDueNotifications(db: DbClient, settings: BatchSettings): Promise<number> {
  const now = settings.now ?? new Date();
  const pending = await db.notification.findMany({
    where: { state: "pending" },
    orderBy: { id: "asc" },
    take: PASS_LIMIT,
    select: { id: true, recipientId: true, postId: true, commentId: true, reason: true },
  });
  const groups = new Map<string, Pending[]>();
  for (const row of pending) {
    const key = `${row.recipientId}\n${threadOf(row)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  let queued = 0;
  for (const rows of groups.values()) {
    if (await sendGroup(db, rows, settings, now)) queued += 1;
  }
  return queued;
}

async function sendGroup(
  db: DbClient,
  rows: Pending[],
  settings: BatchSettings,
  now: Date,
): Promise<boolean> {
  const { recipientId } = rows[0];
  const thread = threadOf(rows[0]);
  const windowStart = new Date(now.getTime() - settings.batchMinutes * 60_000);
  const recent = await db.notificationBatch.findFirst({
    where: { recipientId, postId: thread, createdAt: { gt: windowStart } },
    select: { id: true },
  });
  if (recent) return false;

  const recipient = await db.user.findUnique({
    where: { id: recipientId },
    select: {
      email: true,
      name: true,
      role: true,
      emailVerifiedAt: true,
      bannedAt: true,
      notificationsOffAt: true,
      notifyModeration: true,
      threadSubscriptions: { where: { postId: thread }, select: { state: true } },
    },
  });
  const comments = await db.comment.findMany({
    where: { id: { in: rows.map((row) => row.commentId) } },
    select: {
      id: true,
      authorName: true,
      body: true,
      status: true,
      deletedAt: true,
      hiddenAt: true,
      post: { select: { title: true, slug: true, publishedAt: true } },
    },
  });
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const reachable =
    recipient !== null &&
    recipient.emailVerifiedAt !== null &&
    recipient.bannedAt === null &&
    recipient.notificationsOffAt === null;
  const stillWanted = (row: Pending) => {
    const comment = byId.get(row.commentId);
    if (!reachable || !comment || comment.deletedAt) return false;
    const subscription = recipient.threadSubscriptions[0]?.state;
    switch (row.reason as NotificationReason) {
      case "reply":
        return (
          comment.status === "published" &&
          !comment.hiddenAt &&
          comment.post.publishedAt !== null &&
          subscription !== "mute"
        );
      case "follow":
        return (
          comment.status === "published" &&
          !comment.hiddenAt &&
          comment.post.publishedAt !== null &&
          subscription === "follow"
        );
      case "held":
        return (
          comment.status === "held" && recipient.notifyModeration && MODERATOR_ROLES.includes(recipient.role)
        );
      case "hidden":
        return (
          comment.hiddenAt !== null && recipient.notifyModeration && MODERATOR_ROLES.includes(recipient.role)
        );
      default:
        return false;
    }
  };
  const wanted = rows.filter(stillWanted);
  const dropped = rows.filter((row) => !stillWanted(row));
  const dropStatement = db.notification.updateMany({
    where: { id: { in: dropped.map((row) => row.id) }, state: "pending" },
    data: { state: "dropped" },
  });
  if (wanted.length === 0 || !recipient) {
    await retryOnConflict(() => dropStatement);
    return false;
  }

  // The batch's id is the group's first pending notification: a second notifier that
  // gathered the same group fails on it, and its whole transaction (mail included) with it.
  const batchId = rows[0].id;
  const scope: UnsubscribeScope =
    thread === MODERATION_THREAD ? { kind: "moderation" } : { kind: "post", postId: thread };
  const mail = notificationMail(
    recipient,
    recipientId,
    scope,
    wanted.map((row) => ({ reason: row.reason as NotificationReason, comment: byId.get(row.commentId)! })),
    settings,
    now,
  );
  try {
    await retryOnConflict(() =>
      db.$transaction([
        db.notificationBatch.create({ data: { id: batchId, recipientId, postId: thread, createdAt: now } }),
        db.notification.updateMany({
          where: { id: { in: wanted.map((row) => row.id) }, state: "pending" },
          data: { state: "mailed", batchId },
        }),
        db.notification.updateMany({
          where: { id: { in: dropped.map((row) => row.id) }, state: "pending" },
          data: { state: "dropped" },
        }),
        queueMail(db, { kind: "notification", to: recipient.email, ...mail }),
      ]),
    );
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

type Item = {
  reason: NotificationReason;
  comment: {
    id: number;
    authorName: string;
    body: string;
    post: { title: string; slug: string; publishedAt: Date | null };
  };
};

function quote(text: string): string {
  const characters = Array.from(text);
  return characters.length > QUOTE_MAX ? `${characters.slice(0, QUOTE_MAX).join("").trimEnd()} …` : text;
}

const HEADINGS: Record<NotificationReason, (item: Item) => string> = {
  reply: (item) => `${item.comment.authorName} replied to your comment on "${item.comment.post.title}":`,
  follow: (item) => `${item.comment.authorName} commented on "${item.comment.post.title}":`,
  held: (item) => `A comment by ${item.comment.authorName} on "${item.comment.post.title}" waits for review:`,
  hidden: (item) =>
    `A comment by ${item.comment.authorName} on "${item.comment.post.title}" was hidden after reports:`,
};

/** The mail for one batch: every item quoted as text, each with its link, and the unsubscribe links. */
export function notificationMail(
  recipient: { name: string },
  recipientId: string,
  scope: UnsubscribeScope,
  items: Item[],
  settings: BatchSettings,
  now: Date,
) {
  const site = settings.siteUrl;
  const moderation = scope.kind === "moderation";
  const post = items[0].comment.post;
  const unsubscribeUrl = (target: UnsubscribeScope) =>
    `${site}${unsubscribePagePath(unsubscribeToken({ userId: recipientId, scope: target }, now))}`;
  const oneClick = `${site}${oneClickUnsubscribePath(unsubscribeToken({ userId: recipientId, scope }, now))}`;
  const count = items.length;
  const subject = moderation
    ? count === 1
      ? "A comment needs a moderator"
      : `${count} comments need a moderator`
    : count === 1
      ? items[0].reason === "reply"
        ? `${items[0].comment.authorName} replied to you on "${post.title}"`
        : `New comment on "${post.title}"`
      : `${count} new comments on "${post.title}"`;
  const composed = composeMail(settings.blogName, {
    subject,
    paragraphs: [`Hello ${recipient.name},`],
    quotes: items.map((item) => ({
      heading: HEADINGS[item.reason](item),
      text: quote(item.comment.body),
      link: moderation
        ? {
            label: "Review it",
            url: item.reason === "held" ? `${site}${heldCommentPath(item.comment.id)}` : `${site}/moderation`,
          }
        : { label: "See it in the discussion", url: `${site}${commentPermalink(item.comment.id)}` },
    })),
    ...(moderation || !post.publishedAt
      ? {}
      : {
          action: {
            label: "Open the discussion",
            url: `${site}${postPath({ slug: post.slug, publishedAt: post.publishedAt })}#comments`,
          },
        }),
    footer: [
      moderation
        ? `You get these mails because you asked for them as a moderator. Stop them: ${unsubscribeUrl(scope)}`
        : `You get this mail because you asked for replies or follow this discussion. Stop mails about this discussion: ${unsubscribeUrl(scope)}`,
      `Stop every notification mail from ${settings.blogName}: ${unsubscribeUrl({ kind: "all" })}`,
      `Your notification settings: ${site}${NOTIFICATIONS_PATH}`,
    ],
  });
  return {
    ...composed,
    headers: {
      "List-Unsubscribe": `<${oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
