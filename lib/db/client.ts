import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config";
import { DatabaseBusyError, isDatabaseBusy } from "@/lib/data/errors";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { databaseProvider, resolveDatabaseUrl } from "@/lib/db/url";
import { lockWaitingAdapter } from "@/lib/db/lock-wait";
import { BUSY_TIMEOUT_MS, connectionPragmas } from "@/lib/db/pragmas";
import { env } from "@/lib/env";

export type DbClientOptions = {
  /** Longest wait for another connection's write lock; config.database.writeWaitMs by default. */
  writeWaitMs?: number;
  /** SQLite's synchronous busy handler; BUSY_TIMEOUT_MS by default (benchmarks vary it). */
  busyTimeoutMs?: number;
};

/**
 * A Prisma client for DATABASE_URL: SQLite or PostgreSQL, chosen by the URL's scheme
 * (docs/decisions/016). Both generated clients ship in every build, so one build runs
 * on either database; the data layer is typed by the SQLite one (the models are the
 * same, prisma/schemas-match.test.ts). The app uses
 * the single instance in lib/db/index.ts; scripts and seeds create their own, since they
 * run outside Next's server-only boundary.
 */
export function createDbClient(url = env.DATABASE_URL, options: DbClientOptions = {}) {
  const countQueries = env.COMMONPLACE_COUNT_QUERIES;
  const resolved = resolveDatabaseUrl(url);
  const log: Prisma.LogDefinition[] = countQueries ? [{ emit: "event", level: "query" }] : [];
  const base =
    databaseProvider(resolved) === "sqlite"
      ? new PrismaClient({ ...sqliteClientOptions(resolved, options), log })
      : // Same models, other provider: typed as the SQLite client the data layer is written for.
        (new PostgresPrismaClient({
          adapter: new PrismaPg({ connectionString: resolved }),
          log,
        }) as unknown as PrismaClient);
  if (countQueries) base.$on("query" as never, () => sqlStatementCounter.count++);
  return base.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          // Prisma re-wraps the adapter's DatabaseBusyError (keeping its code): give
          // callers the one typed error.
          if (isDatabaseBusy(error) && !(error instanceof DatabaseBusyError)) {
            throw new DatabaseBusyError(
              error instanceof Error ? error.message.trim().split("\n").at(-1) : undefined,
              { cause: error },
            );
          }
          throw error;
        }
      },
    },
  });
}

/**
 * SQL statements sent, counted only when COMMONPLACE_COUNT_QUERIES=1 (tests and
 * benchmarks), to prove that a thread loads in a constant number of queries.
 */
export const sqlStatementCounter = { count: 0 };

export type DbClient = ReturnType<typeof createDbClient>;

type AdapterOptions = Pick<Prisma.PrismaClientOptions, "adapter" | "transactionOptions">;

/**
 * One better-sqlite3 connection, its pragmas set before the first query. A write that
 * finds the database locked by another connection waits off the event loop and, after
 * `writeWaitMs`, fails with DatabaseBusyError (docs/decisions/008).
 */
function sqliteClientOptions(url: string, options: DbClientOptions): AdapterOptions {
  const writeWaitMs = options.writeWaitMs ?? config.database.writeWaitMs;
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  return {
    adapter: lockWaitingAdapter(new PrismaBetterSQLite3({ url, timeout: busyTimeoutMs }), {
      writeWaitMs,
      setup: connectionPragmas(busyTimeoutMs),
    }),
    // A batch $transaction waits for BEGIN IMMEDIATE in the adapter: let it give the
    // DatabaseBusyError instead of Prisma's own 2 s "unable to start a transaction".
    transactionOptions: { maxWait: writeWaitMs + 2000 },
  };
}
