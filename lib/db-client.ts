import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveDatabaseUrl } from "@/lib/database-url";
import { applyConnectionPragmas } from "@/lib/db-pragmas";

/**
 * A Prisma client on one better-sqlite3 connection whose queries all wait for the
 * connection pragmas. The app uses the single instance in lib/db.ts; scripts and seeds
 * create their own, since they run outside Next's server-only boundary.
 */
export function createDbClient(url = resolveDatabaseUrl()) {
  const countQueries = process.env.COMMONPLACE_COUNT_QUERIES === "1";
  const base = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: resolveDatabaseUrl(url), timeout: 10_000 }),
    log: countQueries ? [{ emit: "event", level: "query" }] : [],
  });
  if (countQueries) base.$on("query" as never, () => sqlStatementCounter.count++);
  const ready = applyConnectionPragmas(base);
  return base.$extends({
    query: {
      async $allOperations({ args, query }) {
        await ready;
        return query(args);
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
