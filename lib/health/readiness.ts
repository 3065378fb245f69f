import "server-only";
import type { DbClient } from "@/lib/db/client";
import { shippedMigrations } from "@/lib/db/migrations";
import { databaseProvider } from "@/lib/db/url";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/**
 * Readiness for a load balancer or orchestrator: the database answers a trivial query
 * and every migration shipped with this build has been applied. The answer names
 * migrations (public in the source anyway) but never the database URL or an error
 * text, which could carry credentials.
 */
export type Readiness =
  | { ready: true; database: "ok"; migrations: "current" }
  | { ready: false; database: "unreachable" }
  | { ready: false; database: "ok"; migrations: "behind"; missing: string[] };

// Read once at start: the build ships its migrations, they don't change while it runs.
const SHIPPED = shippedMigrations(databaseProvider(env.DATABASE_URL));

export async function checkReadiness(db: DbClient, shipped: readonly string[] = SHIPPED): Promise<Readiness> {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    // The operator's log gets the reason; the response only the verdict.
    log.warn("Readiness check: the database did not answer", { error });
    return { ready: false, database: "unreachable" };
  }
  const applied = await appliedMigrations(db);
  const missing = shipped.filter((name) => !applied.has(name));
  if (missing.length > 0) return { ready: false, database: "ok", migrations: "behind", missing };
  return { ready: true, database: "ok", migrations: "current" };
}

/** A finished, not rolled back row is an applied migration, as `migrate deploy` counts. */
async function appliedMigrations(db: DbClient): Promise<Set<string>> {
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return new Set(rows.map((row) => row.migration_name));
  } catch {
    // No migrations table yet: a database nobody has migrated.
    return new Set();
  }
}
