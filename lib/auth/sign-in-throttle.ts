import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { isUniqueViolation } from "@/lib/data/errors";

/**
 * Slows password guessing (Auth.js has no throttling for Credentials). Failures are
 * counted per account and per IP address in a 15-minute window; reaching the limit
 * locks that key for 15 minutes. Each step is one atomic statement, so parallel
 * guesses cannot slip past the count (on PostgreSQL a statement refused for a
 * concurrent one is run again: lib/db/retry.ts).
 */
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const IP_FAILURE_LIMIT = 30;

export type ThrottleKeys = { account: string; ip: string | null };

function keysOf({ account, ip }: ThrottleKeys) {
  return [
    { key: `account:${account}`, limit: ACCOUNT_FAILURE_LIMIT },
    ...(ip ? [{ key: `ip:${ip}`, limit: IP_FAILURE_LIMIT }] : []),
  ];
}

/** Seconds until every key may try again; 0 when none is locked. */
export async function secondsUntilAllowed(keys: ThrottleKeys, now = new Date()): Promise<number> {
  const locked = await db.signInThrottle.findMany({
    where: { key: { in: keysOf(keys).map((k) => k.key) }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...locked.map((row) => row.lockedUntil!.getTime()));
  return until === 0 ? 0 : Math.ceil((until - now.getTime()) / 1000);
}

export async function recordSignInFailure(keys: ThrottleKeys, now = new Date()): Promise<void> {
  for (const { key, limit } of keysOf(keys)) {
    await countFailure(key, now);
    await retryOnConflict(() =>
      db.signInThrottle.updateMany({
        where: { key, failures: { gte: limit } },
        data: { lockedUntil: new Date(now.getTime() + LOCK_MS), failures: 0, windowStart: now },
      }),
    );
  }
}

export async function clearAccountFailures(account: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `account:${account}` } });
}

async function countFailure(key: string, now: Date, attempt = 0): Promise<void> {
  const windowAgo = new Date(now.getTime() - WINDOW_MS);
  const inWindow = await retryOnConflict(() =>
    db.signInThrottle.updateMany({
      where: { key, windowStart: { gt: windowAgo } },
      data: { failures: { increment: 1 } },
    }),
  );
  if (inWindow.count > 0) return;
  const restarted = await retryOnConflict(() =>
    db.signInThrottle.updateMany({
      where: { key, windowStart: { lte: windowAgo } },
      data: { failures: 1, windowStart: now },
    }),
  );
  if (restarted.count > 0) return;
  try {
    await retryOnConflict(() => db.signInThrottle.create({ data: { key, failures: 1, windowStart: now } }));
  } catch (error) {
    // Another request created the row first: count again against it.
    if (isUniqueViolation(error) && attempt === 0) return countFailure(key, now, 1);
    throw error;
  }
}
