import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { isNotFound } from "@/lib/data/errors";
import { db as appDb } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { retryOnConflict } from "@/lib/db/retry";

/**
 * The event log (docs/decisions/035). A write that changes what a thread or the blog
 * shows records its event in the same batch transaction, so an event exists exactly when
 * its change does; reply notifications, webhooks and live threads read the log after
 * their own cursor (lib/events/cursor.ts). Imports record nothing: moving in is not news.
 */

export type SiteEventKind =
  | "comment.created"
  | "comment.held"
  | "comment.approved"
  | "comment.deleted"
  | "comment.restored"
  | "comment.edited"
  | "comment.hidden"
  | "post.published";

export type SiteEvent = {
  id: number;
  kind: SiteEventKind;
  postId: number;
  commentId: number | null;
  actorId: string | null;
  createdAt: Date;
};

export type NewSiteEvent = {
  kind: SiteEventKind;
  postId: number;
  commentId?: number | null;
  actorId?: string | null;
  createdAt?: Date;
};

/** The INSERT of one event, not yet run: put it in the `$transaction([...])` of its write. */
export function recordEvent(db: DbClient, event: NewSiteEvent) {
  return db.siteEvent.create({
    data: {
      kind: event.kind,
      postId: event.postId,
      commentId: event.commentId ?? null,
      actorId: event.actorId ?? null,
      createdAt: event.createdAt ?? new Date(),
    },
    select: { id: true },
  });
}

/**
 * A guarded single-row change and its event, in one batch transaction: `change` is a
 * model `update` whose `where` holds the guard (not deleted yet, still held…), so it
 * fails (P2025) when the guard refuses and takes the event with it. True when the row
 * changed; false when it was already as asked (or gone), and nothing was written.
 */
export async function changeWithEvent(
  change: () => Prisma.PrismaPromise<unknown>,
  event: NewSiteEvent,
  db: DbClient = appDb,
): Promise<boolean> {
  try {
    // Created afresh on each attempt: a Prisma query runs once, so a retry needs new ones.
    await retryOnConflict(() => db.$transaction([change(), recordEvent(db, event)]));
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
  eventsRecorded();
  return true;
}

/**
 * Raw SQL recording `comment.deleted` for every comment of `authorId` not deleted yet: run
 * it first in the transaction that deletes them (the author's ban, the account's removal),
 * while they still carry the author's id.
 */
export function authorsCommentsDeletedSql(
  authorId: string,
  actorId: string | null,
  createdAt: Date,
): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "SiteEvent" ("kind", "postId", "commentId", "actorId", "createdAt")
    SELECT 'comment.deleted', "postId", "id", ${actorId}, ${createdAt}
    FROM "Comment" WHERE "authorId" = ${authorId} AND "deletedAt" IS NULL`;
}

/** Raw SQL for `post.published` of a post just created, found by its unique slug. */
export function postPublishedSql(slug: string, actorId: string | null, createdAt = new Date()): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "SiteEvent" ("kind", "postId", "commentId", "actorId", "createdAt")
    SELECT 'post.published', "id", NULL, ${actorId}, ${createdAt} FROM "Post" WHERE "slug" = ${slug}`;
}

/**
 * How long a hole in the ids may stay open before readers pass it. On PostgreSQL an id
 * is taken at the INSERT and becomes visible at COMMIT, so a reader can see event 11
 * before event 10; the event is each write's last statement, so its commit follows within
 * milliseconds. A hole older than this was a rolled-back insert (a sequence never gives
 * its numbers back) and is skipped. SQLite, with one writer, never leaves holes.
 */
export const EVENT_HOLE_SETTLE_MS = 3000;

/**
 * Events after `afterId`, oldest first. Without `postId` the answer stops before a hole
 * younger than EVENT_HOLE_SETTLE_MS, so a consumer that moves its cursor to the last id
 * it got never passes an event still being committed. A read for one post cannot see
 * holes (its ids are sparse anyway): give it `upTo`, a point a whole-log read has
 * passed, to make it as safe.
 */
export async function eventsAfter(
  afterId: number,
  options: { postId?: number; upTo?: number; limit?: number; db?: DbClient; now?: Date } = {},
): Promise<SiteEvent[]> {
  const { postId, upTo, limit = 500, db = appDb, now = new Date() } = options;
  const rows = await db.siteEvent.findMany({
    where: {
      id: { gt: afterId, ...(upTo === undefined ? {} : { lte: upTo }) },
      ...(postId === undefined ? {} : { postId }),
    },
    orderBy: { id: "asc" },
    take: limit,
  });
  const events = rows as SiteEvent[];
  if (postId !== undefined) return events;
  const settled = now.getTime() - EVENT_HOLE_SETTLE_MS;
  let previous = afterId;
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    // The first read of a fresh log (afterId 0) may start anywhere: ids need not begin at 1.
    const hole = event.id !== previous + 1 && !(previous === 0 && index === 0);
    if (hole && event.createdAt.getTime() > settled) return events.slice(0, index);
    previous = event.id;
  }
  return events;
}

/** The newest event's id (of one post, if given); 0 for an empty log. */
export async function latestEventId(options: { postId?: number; db?: DbClient } = {}): Promise<number> {
  const { postId, db = appDb } = options;
  const row = await db.siteEvent.findFirst({
    where: postId === undefined ? {} : { postId },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return row?.id ?? 0;
}

// On globalThis: Next may bundle this module more than once, and the write that records
// an event must reach the consumers instrumentation.ts started.
const KEY = Symbol.for("commonplace.eventListeners");
const shared = globalThis as { [KEY]?: Set<() => void> };
const listeners = (shared[KEY] ??= new Set());

/** Called after a write that recorded events has committed; other instances poll. */
export function onEventsRecorded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * `onEventsRecorded` for a consumer that need not run once per write: a burst of writes
 * (500 replies in seconds) wakes it once per `ms`, after the first write, instead of
 * keeping it busy beside the requests that write.
 */
export function onEventsRecordedAtMostEvery(ms: number, listener: () => void): () => void {
  let timer: NodeJS.Timeout | null = null;
  const stop = onEventsRecorded(() => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      listener();
    }, ms);
    timer.unref?.();
  });
  return () => {
    stop();
    if (timer) clearTimeout(timer);
  };
}

/** Tells this process's consumers that events were committed (a listener's failure is its own). */
export function eventsRecorded(): void {
  for (const listener of listeners) {
    try {
      listener();
    } catch {
      // A consumer's wake-up must not fail the write that already committed.
    }
  }
}

/** Raw SQL for the event of a comment just inserted, found by its unique submission key. */
export function newCommentEventSql(authorId: string, idempotencyKey: string, createdAt: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "SiteEvent" ("kind", "postId", "commentId", "actorId", "createdAt")
    SELECT CASE WHEN "status" = 'held' THEN 'comment.held' ELSE 'comment.created' END,
      "postId", "id", "authorId", ${createdAt}
    FROM "Comment" WHERE "authorId" = ${authorId} AND "idempotencyKey" = ${idempotencyKey}`;
}
