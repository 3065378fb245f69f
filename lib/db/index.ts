import "server-only";
import { createDbClient, type DbClient } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";
import { env } from "@/lib/env";
import { onShutdown } from "@/lib/shutdown.mjs";

// One client per process; cached on globalThis so dev-mode hot reloads reuse it.
const globalForDb = globalThis as unknown as { commonplaceDb?: DbClient };

export const db = globalForDb.commonplaceDb ?? createClosingClient();
if (env.NODE_ENV !== "production") globalForDb.commonplaceDb = db;

/** The client, closed when the server process shuts down (after everything that uses it). */
function createClosingClient(): DbClient {
  const client = createDbClient();
  onShutdown("database connections", () => client.$disconnect());
  return client;
}

/**
 * The database `db` talks to. Raw SQL that the two databases spell differently picks its
 * statement by this; everything else is the same code on both (docs/decisions/016).
 */
export const dbProvider = databaseProvider(env.DATABASE_URL);
