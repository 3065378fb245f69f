import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { MODERATOR_ROLES } from "@/lib/notifications/recipients";
import type { UnsubscribeRequest } from "@/lib/notifications/unsubscribe-token";
import { postPath } from "@/lib/posts/paths";
import { readableNow } from "@/lib/posts/readable";

/**
 * A reader's notification choices (docs/decisions/036): the default of "Email me
 * replies", followed and muted discussions, moderation mails, and "stop all".
 */

export type NotificationSettings = {
  notifyReplies: boolean;
  notifyModeration: boolean;
  /** Moderators may ask for moderation mails. */
  canModerate: boolean;
  stopped: boolean;
  verified: boolean;
  followed: { postId: number; title: string; path: string }[];
};

/** Followed discussions listed on the settings page; more than this is unusual. */
export const FOLLOWED_SHOWN = 200;

export async function getNotificationSettings(userId: string): Promise<NotificationSettings | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      role: true,
      notifyReplies: true,
      notifyModeration: true,
      notificationsOffAt: true,
      emailVerifiedAt: true,
      threadSubscriptions: {
        where: { state: "follow", post: readableNow() },
        orderBy: { createdAt: "desc" },
        take: FOLLOWED_SHOWN,
        select: { post: { select: { id: true, title: true, slug: true, publishedAt: true } } },
      },
    },
  });
  if (!user) return null;
  return {
    notifyReplies: user.notifyReplies,
    notifyModeration: user.notifyModeration,
    canModerate: MODERATOR_ROLES.includes(user.role),
    stopped: user.notificationsOffAt !== null,
    verified: user.emailVerifiedAt !== null,
    followed: user.threadSubscriptions.map(({ post }) => ({
      postId: post.id,
      title: post.title,
      path: postPath({ slug: post.slug, publishedAt: post.publishedAt! }),
    })),
  };
}

/** Saves the settings form; moderation mails only for those who may moderate. */
export async function saveNotificationSettings(
  user: { id: string; role: string },
  settings: { notifyReplies: boolean; notifyModeration: boolean; stopped: boolean },
  now = new Date(),
): Promise<void> {
  const current = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { notificationsOffAt: true },
  });
  await retryOnConflict(() =>
    db.user.update({
      where: { id: user.id },
      data: {
        notifyReplies: settings.notifyReplies,
        notifyModeration: settings.notifyModeration && MODERATOR_ROLES.includes(user.role),
        // Kept from when it was first stopped, so the date says since when.
        notificationsOffAt: settings.stopped ? (current.notificationsOffAt ?? now) : null,
      },
      select: { id: true },
    }),
  );
}

export type FollowOutcome = { ok: true; path: string } | { ok: false; reason: "post-missing" };

/** Follows (or, with `follow` false, stops following) a readable post's discussion. */
export async function setFollowing(userId: string, postId: number, follow: boolean): Promise<FollowOutcome> {
  const post = await db.post.findFirst({
    where: { id: postId, ...readableNow() },
    select: { slug: true, publishedAt: true },
  });
  if (!post) return { ok: false, reason: "post-missing" };
  const key = { userId_postId: { userId, postId } };
  if (follow)
    await retryOnConflict(() =>
      db.threadSubscription.upsert({
        where: key,
        create: { userId, postId, state: "follow" },
        update: { state: "follow" },
        select: { postId: true },
      }),
    );
  else
    await retryOnConflict(() =>
      db.threadSubscription.deleteMany({ where: { userId, postId, state: "follow" } }),
    );
  return { ok: true, path: postPath({ slug: post.slug, publishedAt: post.publishedAt! }) };
}

/**
 * The viewer endpoint's part (docs/decisions/036): "Email me replies" as last chosen,
 * and whether the reader follows `postId` (null without a post). One read.
 */
export async function getViewerNotifications(
  userId: string,
  postId: number | null,
): Promise<{ notifyReplies: boolean; following: boolean | null }> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      notifyReplies: true,
      ...(postId === null ? {} : { threadSubscriptions: { where: { postId }, select: { state: true } } }),
    },
  });
  return {
    notifyReplies: user?.notifyReplies ?? false,
    following: postId === null ? null : user?.threadSubscriptions?.[0]?.state === "follow",
  };
}

export type UnsubscribeTarget = {
  name: string;
  scope: UnsubscribeRequest["scope"];
  postTitle: string | null;
  done: boolean;
};

/** What an unsubscribe link would stop, and whether it already is; null if the account is gone. */
export async function describeUnsubscribe(request: UnsubscribeRequest): Promise<UnsubscribeTarget | null> {
  const { scope } = request;
  const user = await db.user.findUnique({
    where: { id: request.userId },
    select: {
      name: true,
      notificationsOffAt: true,
      notifyModeration: true,
      threadSubscriptions:
        scope.kind === "post" ? { where: { postId: scope.postId }, select: { state: true } } : undefined,
    },
  });
  if (!user) return null;
  const post =
    scope.kind === "post"
      ? await db.post.findUnique({ where: { id: scope.postId }, select: { title: true } })
      : null;
  const done =
    scope.kind === "all"
      ? user.notificationsOffAt !== null
      : scope.kind === "moderation"
        ? !user.notifyModeration
        : user.threadSubscriptions?.[0]?.state === "mute";
  return { name: user.name, scope, postTitle: post?.title ?? null, done };
}

/**
 * Does what an unsubscribe link asks: everything stops ("stop all"), moderation mails
 * stop, or one discussion goes quiet (unfollowed, and no replies to the reader's comments
 * there either). Repeating it changes nothing. False if the account is gone.
 */
export async function unsubscribe(request: UnsubscribeRequest, now = new Date()): Promise<boolean> {
  const { userId, scope } = request;
  const user = await db.user.findUnique({ where: { id: userId }, select: { notificationsOffAt: true } });
  if (!user) return false;
  if (scope.kind === "all") {
    if (!user.notificationsOffAt)
      await retryOnConflict(() =>
        db.user.updateMany({
          where: { id: userId, notificationsOffAt: null },
          data: { notificationsOffAt: now },
        }),
      );
  } else if (scope.kind === "moderation") {
    await retryOnConflict(() =>
      db.user.update({ where: { id: userId }, data: { notifyModeration: false }, select: { id: true } }),
    );
  } else {
    const post = await db.post.findUnique({ where: { id: scope.postId }, select: { id: true } });
    if (!post) return true;
    await retryOnConflict(() =>
      db.threadSubscription.upsert({
        where: { userId_postId: { userId, postId: scope.postId } },
        create: { userId, postId: scope.postId, state: "mute" },
        update: { state: "mute" },
        select: { postId: true },
      }),
    );
  }
  return true;
}
