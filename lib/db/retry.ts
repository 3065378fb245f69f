/**
 * PostgreSQL may refuse a statement or transaction that ran into another one: a
 * deadlock (SQLSTATE 40P01), or, under REPEATABLE READ or SERIALIZABLE isolation (an
 * operator may make either the default), a serialization failure (40001; Prisma's
 * P2034). The database has rolled the work back whole, and running it again is the
 * documented answer. SQLite has one writer and raises neither, so there this is a plain
 * call. docs/decisions/018.
 */

const RETRYABLE_CODES = new Set(["P2034", "40001", "40P01"]);
// Prisma wraps some single writes (updateMany, nested writes) in a transaction of its
// own. When PostgreSQL refuses its COMMIT (a serialization failure found at commit),
// Prisma then tries a rollback and reports only that: P2028 with this message, the
// cause dropped. A refused COMMIT rolls the transaction back, so it may run again.
const REFUSED_COMMIT = /rollback cannot be executed on a committed transaction/;

export type RetryOptions = {
  /** Runs in all, the first included. */
  attempts?: number;
  /** Wait before the first repeat; doubled each time, with jitter. */
  baseDelayMs?: number;
};

/**
 * True when `error` says the database rolled the work back because of a concurrent
 * transaction. Prisma reports it as P2034, as a raw-query failure (P2010) whose driver
 * error names the SQLSTATE, (inside an interactive transaction) as the driver error, or,
 * for a COMMIT of its own transaction, as the P2028 above.
 */
export function isRetryableConflict(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0 && seen.size < 10) {
    const e = queue.shift();
    if (typeof e !== "object" || e === null || seen.has(e)) continue;
    seen.add(e);
    const { code, originalCode, cause, meta, message } = e as {
      code?: unknown;
      originalCode?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
      message?: unknown;
    };
    if (RETRYABLE_CODES.has(String(code)) || RETRYABLE_CODES.has(String(originalCode))) return true;
    if (code === "P2028" && REFUSED_COMMIT.test(String(message))) return true;
    queue.push(cause, meta?.driverAdapterError);
  }
  return false;
}

/**
 * Runs `work` and, while it fails with a retryable conflict, runs it again, up to
 * `attempts` runs, waiting a little longer (and a random part of it) each time so the
 * contenders do not collide again. `work` must be one atomic unit: a single statement,
 * a nested write, or a whole `$transaction` it creates afresh on each call.
 */
export async function retryOnConflict<T>(
  work: () => Promise<T>,
  { attempts = 6, baseDelayMs = 5 }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      const delay = baseDelayMs * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, delay / 2 + Math.random() * delay));
    }
  }
}
