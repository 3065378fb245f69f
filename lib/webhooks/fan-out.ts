import "server-only";
import { config } from "@/lib/config";
import { queueEventDelivery } from "@/lib/data/webhooks";
import type { DbClient } from "@/lib/db/client";
import { advanceCursor, readCursor } from "@/lib/events/cursor";
import { eventsAfter, type SiteEvent, type SiteEventKind } from "@/lib/events/log";
import { commentPermalink } from "@/lib/comments/paths";
import { postPath } from "@/lib/posts/paths";
import { splitEvents, type WebhookEvent } from "@/lib/webhooks/events";

/**
 * The event log's webhook consumer (docs/decisions/035, 037): reads the site events after
 * its cursor and queues one delivery per (event, webhook that wants it). Each delivery's
 * body is built here, from the comment or post as it is now, and sent as is however
 * often it is retried.
 */

export const WEBHOOK_CURSOR = "webhooks";

/** Which log entries a webhook hears about, as which event. A held comment approved is, to the public, a new comment. */
const WEBHOOK_EVENT_OF: Partial<Record<SiteEventKind, WebhookEvent>> = {
  "comment.created": "comment.created",
  "comment.approved": "comment.created",
  "comment.held": "comment.held",
  "comment.deleted": "comment.deleted",
  "post.published": "post.published",
};

/**
 * One step: the next `limit` events, their deliveries queued, the cursor moved past them.
 * Idempotent: another instance doing the same range at the same time queues nothing twice
 * (unique eventId + webhookId), and whichever moves the cursor first wins; the other's
 * compare-and-set fails harmlessly. A webhook hears only of events after it was added.
 */
export async function fanOutOnce(
  db: DbClient,
  { limit = 500 }: { limit?: number } = {},
): Promise<{ handled: number; queued: number; more: boolean }> {
  const from = await readCursor(WEBHOOK_CURSOR, db);
  const events = await eventsAfter(from, { limit, db });
  if (events.length === 0) return { handled: 0, queued: 0, more: false };
  let queued = 0;
  const told = events.filter((event) => WEBHOOK_EVENT_OF[event.kind]);
  const hooks =
    told.length === 0
      ? []
      : await db.webhook.findMany({
          where: { enabled: true },
          select: { id: true, events: true, createdAt: true },
        });
  if (hooks.length > 0) {
    const data = await eventData(db, told);
    for (const event of told) {
      const type = WEBHOOK_EVENT_OF[event.kind]!;
      for (const hook of hooks) {
        if (hook.createdAt > event.createdAt || !splitEvents(hook.events).includes(type)) continue;
        const added = await queueEventDelivery(
          {
            webhookId: hook.id,
            eventId: event.id,
            event: type,
            createdAt: event.createdAt,
            data: data(event),
          },
          db,
        );
        if (added) queued += 1;
      }
    }
  }
  await advanceCursor(WEBHOOK_CURSOR, from, events[events.length - 1].id, db);
  return { handled: events.length, queued, more: events.length === limit };
}

/**
 * What a receiver learns about each event: the comment (id, post, parent, author's
 * display name, text, link) or the post (id, title, link). Never an email address, and
 * no text for a comment that is deleted by now.
 */
async function eventData(db: DbClient, events: SiteEvent[]): Promise<(event: SiteEvent) => object> {
  const commentIds = [
    ...new Set(events.flatMap((event) => (event.commentId === null ? [] : [event.commentId]))),
  ];
  const postIds = [
    ...new Set(events.filter((event) => event.commentId === null).map((event) => event.postId)),
  ];
  const [comments, posts] = await Promise.all([
    commentIds.length === 0
      ? []
      : db.comment.findMany({
          where: { id: { in: commentIds } },
          select: { id: true, postId: true, parentId: true, authorName: true, body: true, deletedAt: true },
        }),
    postIds.length === 0
      ? []
      : db.post.findMany({
          where: { id: { in: postIds } },
          select: { id: true, title: true, slug: true, publishedAt: true },
        }),
  ]);
  const commentById = new Map(comments.map((comment) => [comment.id, comment]));
  const postById = new Map(posts.map((post) => [post.id, post]));
  return (event) => {
    if (event.commentId !== null) {
      const comment = commentById.get(event.commentId);
      return {
        id: event.commentId,
        postId: event.postId,
        parentId: comment?.parentId ?? null,
        authorName: comment?.authorName ?? null,
        text: comment && !comment.deletedAt ? comment.body : null,
        url: `${config.siteUrl}${commentPermalink(event.commentId)}`,
      };
    }
    const post = postById.get(event.postId);
    return {
      id: event.postId,
      title: post?.title ?? null,
      url: post?.publishedAt
        ? `${config.siteUrl}${postPath({ slug: post.slug, publishedAt: post.publishedAt })}`
        : null,
    };
  };
}
