import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { isUniqueViolation } from "@/lib/data/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Attempt counters behind the sign-in and sign-up throttles (table SignInThrottle, one
 * row per key, fixed windows). An attempt is *claimed* before the work it guards (a
 * password check, an account creation) by one conditional UPDATE that counts it only
 * if the rule allows it, so parallel requests cannot all pass a check made before any
 * of them counted: N allowed means N, on SQLite (one writer) and on PostgreSQL (the
 * UPDATE re-reads a row another transaction changed; conflicts are run again,
 * lib/db/retry.ts).
 */
export type AttemptRule =
  /** At most `max` attempts per window. */
  | { windowMs: number; max: number }
  /**
   * `free` attempts per window, then each further one only `delaysMs[i]` after the
   * previous (i = attempts past `free`, the last delay repeating): slows, never locks.
   */
  | { windowMs: number; free: number; delaysMs: readonly number[] };

export type Claim = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Longer than any rule's window: a row this old counts nothing any more. */
const STALE_MS = 24 * 60 * 60_000;
const PRUNE_CHANCE = 0.01;

function allowedNow(rule: AttemptRule, now: Date): Prisma.SignInThrottleWhereInput {
  if ("max" in rule) return { failures: { lt: rule.max } };
  const before = (ms: number) => ({ lte: new Date(now.getTime() - ms) });
  const last = rule.delaysMs.length - 1;
  return {
    OR: [
      { failures: { lt: rule.free } },
      ...rule.delaysMs
        .slice(0, last)
        .map((ms, i) => ({ failures: rule.free + i, lastAttemptAt: before(ms) })),
      { failures: { gte: rule.free + last }, lastAttemptAt: before(rule.delaysMs[last]) },
    ],
  };
}

/** Counts one attempt against `key` if `rule` allows it now; else says how long to wait. */
export async function claimAttempt(key: string, rule: AttemptRule, now = new Date()): Promise<Claim> {
  const windowAgo = new Date(now.getTime() - rule.windowMs);
  for (let pass = 0; pass < 2; pass++) {
    const counted = await retryOnConflict(() =>
      db.signInThrottle.updateMany({
        where: { key, windowStart: { gt: windowAgo }, ...allowedNow(rule, now) },
        data: { failures: { increment: 1 }, lastAttemptAt: now },
      }),
    );
    if (counted.count > 0) return { ok: true };
    const restarted = await retryOnConflict(() =>
      db.signInThrottle.updateMany({
        where: { key, windowStart: { lte: windowAgo } },
        data: { failures: 1, windowStart: now, lastAttemptAt: now },
      }),
    );
    if (restarted.count > 0) return { ok: true };
    if (pass > 0) break;
    try {
      await retryOnConflict(() =>
        db.signInThrottle.create({ data: { key, failures: 1, windowStart: now, lastAttemptAt: now } }),
      );
      // Every new key is a row (a spray of made-up emails makes many): now and then, the
      // request that adds one clears out the long-finished ones.
      if (Math.random() < PRUNE_CHANCE) await pruneStaleAttempts(now);
      return { ok: true };
    } catch (error) {
      // The row exists (full, or created by a concurrent request this instant): once more.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { ok: false, retryAfterSeconds: await secondsToWait(key, rule, now) };
}

async function secondsToWait(key: string, rule: AttemptRule, now: Date): Promise<number> {
  const row = await db.signInThrottle.findUnique({ where: { key } });
  if (!row) return 1;
  const windowEnds = row.windowStart.getTime() + rule.windowMs;
  let until = windowEnds;
  if (!("max" in rule) && row.lastAttemptAt) {
    const step = Math.min(Math.max(row.failures - rule.free, 0), rule.delaysMs.length - 1);
    until = Math.min(windowEnds, row.lastAttemptAt.getTime() + rule.delaysMs[step]);
  }
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/** Takes back an attempt claimed in the current window (it turned out to be a success). */
export async function releaseAttempt(key: string, rule: AttemptRule, now = new Date()): Promise<void> {
  await retryOnConflict(() =>
    db.signInThrottle.updateMany({
      where: { key, failures: { gt: 0 }, windowStart: { gt: new Date(now.getTime() - rule.windowMs) } },
      data: { failures: { decrement: 1 } },
    }),
  );
}

/** Forgets every attempt counted against `key`. */
export async function clearAttempts(key: string): Promise<void> {
  await retryOnConflict(() => db.signInThrottle.deleteMany({ where: { key } }));
}

/** Deletes the rows whose window ended long ago; returns how many. */
export async function pruneStaleAttempts(now = new Date()): Promise<number> {
  const stale = await retryOnConflict(() =>
    db.signInThrottle.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - STALE_MS) } } }),
  );
  return stale.count;
}
