import "server-only";
import type { DbClient } from "@/lib/db/client";
import { retryOnConflict } from "@/lib/db/retry";
import { isUniqueViolation } from "@/lib/data/errors";

/**
 * What housekeeping deletes, rule by rule (docs/decisions/039). Every rule deletes in
 * batches of at most `batchSize` rows, one short statement each with a pause between, so
 * SQLite's single writer is never held for long and readers and writers slip in between.
 * Nothing pending (a mail or delivery still to try, a link still valid, an event a
 * consumer has not handled) is ever deleted.
 */

export type RetentionRules = {
  mailKeepDays: number;
  webhooksKeepDays: number;
  eventsKeepDays: number;
};

/** Failed mails and given-up deliveries: kept longer, for the operator to look into. */
export const FAILED_KEEP_DAYS = 90;
/** Used or expired reset and verification links. */
export const TOKEN_KEEP_DAYS = 7;
/** Each webhook's newest deliveries stay whatever their age: its log page never empties. */
export const DELIVERIES_KEPT_PER_WEBHOOK = 50;

export type Batching = {
  batchSize?: number;
  pauseMs?: number;
  /** Asked before each batch: true stops the rule (shutdown, or the run's time is up). */
  shouldStop?: () => boolean;
};

export type Pruned = { deleted: number; more: boolean };

const DAY_MS = 24 * 60 * 60_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Repeats find-a-batch-of-ids → delete-those-ids until a batch comes back short. The
 * delete repeats the rule's condition, so a row changed in between (a failed mail tried
 * again) is left alone.
 */
async function pruneByIds(
  find: (take: number) => Promise<{ id: string }[]>,
  remove: (ids: string[]) => Promise<{ count: number }>,
  { batchSize = 1000, pauseMs = 5, shouldStop = () => false }: Batching,
): Promise<Pruned> {
  let deleted = 0;
  for (let first = true; ; first = false) {
    if (shouldStop()) return { deleted, more: true };
    if (!first) await sleep(pauseMs);
    const ids = (await find(batchSize)).map((row) => row.id);
    if (ids.length === 0) return { deleted, more: false };
    deleted += (await retryOnConflict(() => remove(ids))).count;
    if (ids.length < batchSize) return { deleted, more: false };
  }
}

/** Sent mails older than `keepDays` (by when they were sent), failed ones older than 90 days. */
export async function pruneMails(db: DbClient, keepDays: number, now: Date, batching: Batching = {}) {
  const sent = { status: "sent", sentAt: { lt: daysBefore(now, keepDays) } };
  const failed = { status: "failed", createdAt: { lt: daysBefore(now, FAILED_KEEP_DAYS) } };
  const prune = (where: typeof sent | typeof failed) =>
    pruneByIds(
      (take) => db.outboxMail.findMany({ where, select: { id: true }, take }),
      (ids) => db.outboxMail.deleteMany({ where: { ...where, id: { in: ids } } }),
      batching,
    );
  const sentMails = await prune(sent);
  const failedMails = await prune(failed);
  return { sentMails, failedMails };
}

/**
 * Delivered webhook deliveries older than `keepDays`, given-up ones older than 90 days,
 * except each webhook's newest 50 (what its page shows). Pending ones are never touched.
 */
export async function pruneDeliveries(db: DbClient, keepDays: number, now: Date, batching: Batching = {}) {
  const total = {
    deliveredDeliveries: { deleted: 0, more: false },
    failedDeliveries: { deleted: 0, more: false },
  };
  const hooks = await db.webhook.findMany({ select: { id: true } });
  for (const hook of hooks) {
    const [oldestKept] = await db.webhookDelivery.findMany({
      where: { webhookId: hook.id },
      orderBy: { createdAt: "desc" },
      skip: DELIVERIES_KEPT_PER_WEBHOOK - 1,
      take: 1,
      select: { createdAt: true },
    });
    // Fewer than 50: all stay.
    if (!oldestKept) continue;
    const rules = {
      deliveredDeliveries: { status: "delivered", deliveredAt: { lt: daysBefore(now, keepDays) } },
      failedDeliveries: { status: "failed", createdAt: { lt: daysBefore(now, FAILED_KEEP_DAYS) } },
    };
    for (const [name, rule] of Object.entries(rules) as [keyof typeof rules, object][]) {
      // Strictly older than the 50th newest: ties with it stay too.
      const where = { AND: [rule, { webhookId: hook.id, createdAt: { lt: oldestKept.createdAt } }] };
      const pruned = await pruneByIds(
        (take) => db.webhookDelivery.findMany({ where, select: { id: true }, take }),
        (ids) => db.webhookDelivery.deleteMany({ where: { AND: [where, { id: { in: ids } }] } }),
        batching,
      );
      total[name].deleted += pruned.deleted;
      total[name].more ||= pruned.more;
    }
  }
  return total;
}

/** Reset and verification links used, or expired, more than 7 days ago; valid ones stay. */
export async function pruneTokens(db: DbClient, now: Date, batching: Batching = {}) {
  const before = daysBefore(now, TOKEN_KEEP_DAYS);
  const where = { OR: [{ usedAt: { lt: before } }, { expiresAt: { lt: before } }] };
  const passwordResets = await pruneByIds(
    (take) => db.passwordReset.findMany({ where, select: { id: true }, take }),
    (ids) => db.passwordReset.deleteMany({ where: { AND: [where, { id: { in: ids } }] } }),
    batching,
  );
  const emailVerifications = await pruneByIds(
    (take) => db.emailVerification.findMany({ where, select: { id: true }, take }),
    (ids) => db.emailVerification.deleteMany({ where: { AND: [where, { id: { in: ids } }] } }),
    batching,
  );
  return { passwordResets, emailVerifications };
}

export const HOUSEKEEPING_ROW = "blog";

/** The housekeeping row, created (far in the past, so due) when it does not exist yet. */
export async function ensureHousekeepingRow(db: DbClient): Promise<void> {
  if (await db.housekeeping.findUnique({ where: { id: HOUSEKEEPING_ROW }, select: { id: true } })) return;
  try {
    await db.housekeeping.create({ data: { id: HOUSEKEEPING_ROW, nextRunAt: new Date(0) } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * Event-log entries older than `keepDays` **and** handled by every consumer (at or below
 * the lowest `EventCursor`). Deleted as a prefix of ids: everything up to one id goes,
 * nothing above it, and that id is recorded first (`eventsPrunedThrough`), so a live
 * thread resuming from an older id knows it may have missed events. With no cursor at all
 * nothing is deleted: no consumer has said how far it got.
 */
export async function pruneEvents(
  db: DbClient,
  keepDays: number,
  now: Date,
  { batchSize = 1000, pauseMs = 5, shouldStop = () => false }: Batching = {},
): Promise<Pruned & { heldBy: string | null }> {
  const [lowest] = await db.eventCursor.findMany({ orderBy: { lastId: "asc" }, take: 1 });
  if (!lowest) return { deleted: 0, more: false, heldBy: null };
  const [oldEnough] = await db.siteEvent.findMany({
    where: { createdAt: { lt: daysBefore(now, keepDays) } },
    orderBy: { id: "desc" },
    take: 1,
    select: { id: true },
  });
  if (!oldEnough) return { deleted: 0, more: false, heldBy: null };
  const through = Math.min(oldEnough.id, lowest.lastId);
  // Old events a consumer has not handled yet: it is behind (or stopped for good, when
  // its row must go): the operator sees its name.
  const heldBy = lowest.lastId < oldEnough.id ? lowest.name : null;
  const [first] = await db.siteEvent.findMany({ orderBy: { id: "asc" }, take: 1, select: { id: true } });
  await ensureHousekeepingRow(db);
  let deleted = 0;
  for (let from = first?.id ?? through + 1; from <= through; from += batchSize) {
    if (shouldStop()) return { deleted, more: true, heldBy };
    if (deleted > 0) await sleep(pauseMs);
    const upTo = Math.min(from + batchSize - 1, through);
    // Said before the rows go: a reader told "pruned" a moment early only reloads.
    await retryOnConflict(() =>
      db.housekeeping.updateMany({
        where: { id: HOUSEKEEPING_ROW, eventsPrunedThrough: { lt: upTo } },
        data: { eventsPrunedThrough: upTo },
      }),
    );
    const removed = await retryOnConflict(() =>
      db.siteEvent.deleteMany({ where: { id: { gte: from, lte: upTo } } }),
    );
    deleted += removed.count;
  }
  return { deleted, more: false, heldBy };
}

/** The highest event id housekeeping has deleted (0: none): resuming from below it, reload. */
export async function eventsPrunedThrough(db: DbClient): Promise<number> {
  const row = await db.housekeeping.findUnique({
    where: { id: HOUSEKEEPING_ROW },
    select: { eventsPrunedThrough: true },
  });
  return row?.eventsPrunedThrough ?? 0;
}
