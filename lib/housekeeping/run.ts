import "server-only";
import type { DbClient } from "@/lib/db/client";
import { retryOnConflict } from "@/lib/db/retry";
import {
  ensureHousekeepingRow,
  HOUSEKEEPING_ROW,
  pruneDeliveries,
  pruneEvents,
  pruneMails,
  pruneTokens,
  type Batching,
  type RetentionRules,
} from "@/lib/housekeeping/retention";
import type { WorkerLog } from "@/lib/outbox/worker";

/** At most one run per blog in this long, whatever the number of instances. */
export const HOUSEKEEPING_EVERY_MS = 60 * 60_000;
/** A run stops after this long and leaves the rest to the next (a first run on a big backlog). */
export const RUN_BUDGET_MS = 5 * 60_000;

export type HousekeepingCounts = Record<
  | "sentMails"
  | "failedMails"
  | "deliveredDeliveries"
  | "failedDeliveries"
  | "passwordResets"
  | "emailVerifications"
  | "events",
  number
>;

/**
 * Takes this hour's run for the caller: one compare-and-set moves `nextRunAt` an hour on
 * if it has passed. Of any number of instances asking at once, one gets true (SQLite has
 * one writer; PostgreSQL re-checks the WHERE of a row another transaction just changed).
 * A run that dies half-way is not repeated before the hour is up: every rule is safe to
 * run again, and the next run picks up the rest.
 */
export async function claimHousekeeping(db: DbClient, now = new Date()): Promise<boolean> {
  await ensureHousekeepingRow(db);
  const moved = await retryOnConflict(() =>
    db.housekeeping.updateMany({
      where: { id: HOUSEKEEPING_ROW, nextRunAt: { lte: now } },
      data: { nextRunAt: new Date(now.getTime() + HOUSEKEEPING_EVERY_MS), lastStartedAt: now },
    }),
  );
  return moved.count === 1;
}

export type RunOptions = Batching & {
  rules: RetentionRules;
  log?: WorkerLog;
  now?: () => Date;
};

/** Every rule once, in bounded batches; logs `housekeeping.done` with the counts. */
export async function runHousekeeping(
  db: DbClient,
  { rules, log = () => {}, now = () => new Date(), shouldStop = () => false, ...batching }: RunOptions,
): Promise<HousekeepingCounts> {
  const started = now();
  const startedMs = Date.now();
  // Real time, not `now` (which tests move): how long this run has been going.
  const deadline = Date.now() + RUN_BUDGET_MS;
  const options = { ...batching, shouldStop: () => shouldStop() || Date.now() > deadline };
  const mails = await pruneMails(db, rules.mailKeepDays, started, options);
  const deliveries = await pruneDeliveries(db, rules.webhooksKeepDays, started, options);
  const tokens = await pruneTokens(db, started, options);
  const events = await pruneEvents(db, rules.eventsKeepDays, started, options);
  const parts = { ...mails, ...deliveries, ...tokens, events };
  const counts = Object.fromEntries(
    Object.entries(parts).map(([name, pruned]) => [name, pruned.deleted]),
  ) as HousekeepingCounts;
  const more = Object.values(parts).some((pruned) => pruned.more);
  await retryOnConflict(() =>
    db.housekeeping.updateMany({
      where: { id: HOUSEKEEPING_ROW },
      data: { lastFinishedAt: now(), lastCounts: JSON.stringify(counts) },
    }),
  );
  log("info", "housekeeping.done", {
    ...counts,
    durationMs: Date.now() - startedMs,
    // Stopped before the end (time up, or shutdown): the next run goes on.
    more,
    // Old events one consumer has not handled: it is behind, or gone and its cursor left over.
    ...(events.heldBy ? { eventsHeldBy: events.heldBy } : {}),
  });
  return counts;
}

/** Runs housekeeping if this hour's run is still to be done and this caller claims it; null otherwise. */
export async function housekeepIfDue(db: DbClient, options: RunOptions): Promise<HousekeepingCounts | null> {
  if (!(await claimHousekeeping(db, (options.now ?? (() => new Date()))()))) return null;
  return runHousekeeping(db, options);
}

export type HousekeepingStatus = {
  lastFinishedAt: Date | null;
  lastCounts: HousekeepingCounts | null;
};

/** When housekeeping last finished and what it deleted (for /admin/mail). */
export async function housekeepingStatus(db: DbClient): Promise<HousekeepingStatus> {
  const row = await db.housekeeping.findUnique({
    where: { id: HOUSEKEEPING_ROW },
    select: { lastFinishedAt: true, lastCounts: true },
  });
  return {
    lastFinishedAt: row?.lastFinishedAt ?? null,
    lastCounts: row?.lastCounts ? (JSON.parse(row.lastCounts) as HousekeepingCounts) : null,
  };
}
