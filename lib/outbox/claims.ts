import "server-only";
import { randomUUID } from "node:crypto";
import { retryOnConflict } from "@/lib/db/retry";

/**
 * The outbox's claim rule (docs/decisions/032), written once for every table that has
 * its columns: OutboxMail (mails) and WebhookDelivery (docs/decisions/037). A row is
 * `pending` until done or given up, due at `nextAttemptAt`, and held by one worker at a
 * time through `claimToken` until `claimedUntil`; `attempts` counts claims.
 */

type ClaimWhere = {
  id?: string | { in: string[] };
  status?: string;
  nextAttemptAt?: { lte: Date };
  OR?: ({ claimedUntil: null } | { claimedUntil: { lte: Date } })[];
  claimToken?: string;
};

type ClaimData = {
  claimToken?: string | null;
  claimedUntil?: Date | null;
  attempts?: { increment: number };
  status?: string;
  nextAttemptAt?: Date;
  lastError?: string;
};

/** A Prisma model delegate with the outbox's columns (`db.outboxMail`, `db.webhookDelivery`). */
export type OutboxTable<Extra extends object = object> = {
  findMany(args: {
    where: ClaimWhere;
    orderBy: { nextAttemptAt: "asc" };
    take: number;
    select: { id: true };
  }): Promise<{ id: string }[]>;
  updateMany(args: { where: ClaimWhere; data: ClaimData & Extra }): Promise<{ count: number }>;
};

/** A stored error is for the operator, not a dump. */
const ERROR_MAX = 1000;

/**
 * Claims up to `limit` due rows for one worker, for `leaseMs`, and returns the claim's
 * token (null when nothing was due): the caller reads its rows back by that token. The
 * candidates are read first, then taken by one guarded UPDATE that repeats the read's
 * conditions: a row another worker took in between no longer matches (PostgreSQL
 * re-checks the WHERE of a row changed under it; SQLite has one writer), so no row is
 * claimed twice. A claim whose lease ran out (its worker crashed) is due again. The
 * attempt is counted here, at the claim, so a row that kills its worker every time still
 * runs out of attempts.
 */
export async function claimDue(
  table: OutboxTable,
  { limit, leaseMs, now = new Date() }: { limit: number; leaseMs: number; now?: Date },
): Promise<string | null> {
  const token = randomUUID();
  const due: ClaimWhere = {
    status: "pending",
    nextAttemptAt: { lte: now },
    OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }],
  };
  const candidates = await table.findMany({
    where: due,
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  if (candidates.length === 0) return null;
  await retryOnConflict(() =>
    table.updateMany({
      where: { ...due, id: { in: candidates.map((row) => row.id) } },
      data: {
        claimToken: token,
        claimedUntil: new Date(now.getTime() + leaseMs),
        attempts: { increment: 1 },
      },
    }),
  );
  return token;
}

/**
 * Ends a claim with `done` (the table's own "it went" columns, status included); false
 * if the claim was lost (its lease ran out and another worker took the row): a worker
 * never overwrites the next claimer's outcome.
 */
export async function finishClaim<Extra extends object>(
  table: OutboxTable<Extra>,
  id: string,
  token: string,
  done: ClaimData & Extra,
): Promise<boolean> {
  const result = await retryOnConflict(() =>
    table.updateMany({
      where: { id, claimToken: token },
      data: { ...done, claimToken: null, claimedUntil: null },
    }),
  );
  return result.count === 1;
}

/**
 * Records a failed attempt: due again at `retryAt`, or `failed` for good when `retryAt`
 * is null (no attempts left, or a permanent refusal). `extra`: the table's own columns
 * about the attempt (a webhook's answer).
 */
export async function failClaim<Extra extends object>(
  table: OutboxTable<Extra>,
  id: string,
  token: string,
  error: string,
  retryAt: Date | null,
  extra: Extra = {} as Extra,
): Promise<void> {
  await finishClaim(table, id, token, {
    ...extra,
    status: retryAt ? "pending" : "failed",
    ...(retryAt ? { nextAttemptAt: retryAt } : {}),
    lastError: error.slice(0, ERROR_MAX),
  });
}

/** The wait before attempt `attempts + 1`: doubling from `baseMs`, capped, with ±20 % jitter. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const doubled = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(doubled * (0.8 + 0.4 * random()));
}
