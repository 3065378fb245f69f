import "server-only";
import { can } from "@/lib/auth/permissions";
import { parseHoldReasons, type HoldReason } from "@/lib/comments/hold-rules";
import type { ThreadComment } from "@/lib/comments/tree";
import { db } from "@/lib/db";
import { getOwnComments, threadCommentSelect, toThreadComment } from "@/lib/data/comments";
import { logModeration } from "@/lib/data/moderation-log";
import { getCommentSettings } from "@/lib/data/comment-settings";
import { mayEditComment } from "@/lib/comments/edit-rules";
import type { CurrentUser } from "@/lib/data/users";
import { changeWithEvent } from "@/lib/events/log";
import { postPath } from "@/lib/posts/paths";
import { asReadable, readableNow } from "@/lib/posts/readable";

/**
 * Comments held for review (docs/decisions/023): the Held queue, its actions, and what
 * a held comment's author (or a moderator) is shown of it. Every function decides here
 * whether its caller may, from the user a guard freshly loaded.
 */

type Actor = Pick<CurrentUser, "id" | "role" | "banned">;

/** Live held comments: what the queue shows and the header counts. */
const WAITING = { status: "held", deletedAt: null } as const;

export type HeldQueueComment = {
  id: number;
  body: string;
  createdAt: Date;
  authorName: string;
  author: { id: string; email: string; createdAt: Date; trusted: boolean } | null;
  post: { title: string; path: string | null };
  reasons: HoldReason[];
};

/** The Held queue, oldest first (the longest waiting first); null for a non-moderator. */
export async function getHeldQueue(
  reader: Actor,
  { limit = 100 }: { limit?: number } = {},
): Promise<{ comments: HeldQueueComment[]; total: number } | null> {
  if (!can(reader, "approve:comment")) return null;
  const [rows, total] = await Promise.all([
    db.comment.findMany({
      where: WAITING,
      orderBy: { id: "asc" },
      take: limit,
      select: {
        id: true,
        body: true,
        createdAt: true,
        authorName: true,
        heldReasons: true,
        author: { select: { id: true, email: true, createdAt: true, trustedAt: true } },
        post: { select: { title: true, slug: true, publishedAt: true } },
      },
    }),
    db.comment.count({ where: WAITING }),
  ]);
  const comments = rows.map((row) => ({
    id: row.id,
    body: row.body,
    createdAt: row.createdAt,
    authorName: row.authorName,
    author: row.author && {
      id: row.author.id,
      email: row.author.email,
      createdAt: row.author.createdAt,
      trusted: row.author.trustedAt !== null,
    },
    post: {
      title: row.post.title,
      path: row.post.publishedAt
        ? postPath({ slug: row.post.slug, publishedAt: row.post.publishedAt })
        : null,
    },
    reasons: parseHoldReasons(row.heldReasons),
  }));
  return { comments, total };
}

/** How many comments wait in the Held queue, for a moderator's header; null for anyone else. */
export async function countHeld(reader: Actor): Promise<number | null> {
  if (!can(reader, "approve:comment")) return null;
  return db.comment.count({ where: WAITING });
}

/**
 * Ids of the held comments on a post that `viewer` may see: their own, or every one
 * for a moderator. Bounded: flood control keeps one person's far below it.
 */
export async function getVisibleHeldIds(viewer: Actor, postId: number): Promise<number[]> {
  const rows = await db.comment.findMany({
    where: { postId, ...WAITING, ...(can(viewer, "approve:comment") ? {} : { authorId: viewer.id }) },
    select: { id: true },
    orderBy: { id: "asc" },
    take: 200,
  });
  return rows.map((row) => row.id);
}

/**
 * What GET /api/viewer tells a signed-in reader about one post: their own live comments
 * (which they may delete) and the held ones they may see. A commenter's held comments
 * are among their own, so one query answers both; a moderator's need the post's queue.
 */
export async function getViewerComments(
  viewer: Actor,
  postId: number,
  now = new Date(),
): Promise<{ ownCommentIds: number[]; heldCommentIds: number[]; editableCommentIds: number[] }> {
  const [own, moderated, settings] = await Promise.all([
    getOwnComments(postId, viewer.id),
    can(viewer, "approve:comment") ? getVisibleHeldIds(viewer, postId) : null,
    getCommentSettings(),
  ]);
  // Imported comments have no author account, so none is among one's own.
  const editable = own.filter(
    (comment) =>
      mayEditComment(
        viewer,
        {
          authorId: viewer.id,
          createdAt: comment.createdAt,
          deleted: false,
          held: comment.held,
          imported: false,
        },
        settings.editWindowMinutes,
        now,
      ).ok,
  );
  return {
    ownCommentIds: own.map((comment) => comment.id),
    editableCommentIds: editable.map((comment) => comment.id),
    heldCommentIds: moderated ?? own.filter((comment) => comment.held).map((comment) => comment.id),
  };
}

export type VisibleHeldComment = { comment: ThreadComment; reasons: HoldReason[] };

/** The held comments of a readable post that `viewer` may see, shaped for the thread. */
export async function getVisibleHeldComments(viewer: Actor, postId: number): Promise<VisibleHeldComment[]> {
  const moderator = can(viewer, "approve:comment");
  const rows = await db.comment.findMany({
    where: { postId, ...WAITING, post: readableNow(), ...(moderator ? {} : { authorId: viewer.id }) },
    select: { ...threadCommentSelect, heldReasons: true },
    orderBy: { id: "asc" },
    take: 200,
  });
  return rows.map((row) => ({
    comment: toThreadComment(row),
    // Why it was held is for moderators: an author is told only that it waits.
    reasons: moderator ? parseHoldReasons(row.heldReasons) : [],
  }));
}

/** A held comment for its own page (no JavaScript): its author's or any, for a moderator. */
export async function getHeldCommentFor(viewer: Actor, commentId: number) {
  const row = await db.comment.findFirst({
    where: { id: commentId, deletedAt: null, post: readableNow() },
    select: {
      ...threadCommentSelect,
      status: true,
      post: {
        select: {
          id: true,
          slug: true,
          title: true,
          publishedAt: true,
          commentsEnabled: true,
          authorId: true,
        },
      },
    },
  });
  if (!row) return null;
  const mayView = row.authorId === viewer.id || can(viewer, "approve:comment");
  if (!mayView) return null;
  return {
    held: row.status === "held",
    comment: toThreadComment(row),
    post: {
      id: row.post.id,
      title: row.post.title,
      path: postPath(asReadable(row.post)),
      commentsEnabled: row.post.commentsEnabled,
      authorId: row.post.authorId,
    },
  };
}

export type HeldAction = "approve" | "approve-trust" | "delete" | "spam";

export type HeldActionResult =
  { ok: true; changed: number; posts: { id: number; path: string }[] } | { ok: false; reason: "forbidden" };

/**
 * Approves or deletes held comments, each by one guarded UPDATE (still held, not
 * deleted): of two moderators approving at once, or one approving while another
 * deletes, exactly one changes each comment, and only that one is logged. Approving
 * and trusting also trusts each author once. Returns the posts whose pages changed.
 */
export async function moderateHeld(
  actor: Actor,
  action: HeldAction,
  ids: number[],
): Promise<HeldActionResult> {
  if (!can(actor, "approve:comment")) return { ok: false, reason: "forbidden" };
  const rows = await db.comment.findMany({
    where: { id: { in: ids } },
    select: { id: true, authorId: true, post: { select: { id: true, slug: true, publishedAt: true } } },
  });
  const posts = new Map<number, string>();
  let changed = 0;
  const approving = action === "approve" || action === "approve-trust";
  for (const row of rows) {
    const now = new Date();
    const done = await changeWithEvent(
      () =>
        db.comment.update({
          where: { id: row.id, ...WAITING },
          data: approving
            ? { status: "published" }
            : {
                deletedAt: now,
                deletedById: actor.id,
                deletedReason: "moderator",
                deletionNote: action === "spam" ? "Spam" : null,
              },
          select: { id: true },
        }),
      {
        kind: approving ? "comment.approved" : "comment.deleted",
        postId: row.post.id,
        commentId: row.id,
        actorId: actor.id,
        createdAt: now,
      },
    );
    if (!done) continue;
    changed += 1;
    await logModeration(
      actor.id,
      `comment.held.${action === "approve-trust" ? "approve" : action}`,
      "comment",
      row.id,
    );
    if (action === "approve-trust" && row.authorId) await trustUser(actor, row.authorId);
    // Only approval changes what readers see: a deleted held comment was never shown.
    if (row.post.publishedAt && approving)
      posts.set(row.post.id, postPath({ slug: row.post.slug, publishedAt: row.post.publishedAt }));
  }
  return { ok: true, changed, posts: [...posts].map(([id, path]) => ({ id, path })) };
}

/** Trusts an account once: its comments skip the new-account rules and pre-moderation. */
async function trustUser(actor: Actor, userId: string): Promise<void> {
  const trusted = await db.user.updateMany({
    where: { id: userId, trustedAt: null },
    data: { trustedAt: new Date() },
  });
  if (trusted.count === 1) await logModeration(actor.id, "user.trust", "user", userId);
}
