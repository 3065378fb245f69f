import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { startPostgres } from "@/scripts/lib/postgres.mjs";

/**
 * PostgreSQL tests in the normal suite run whenever this is not set: on a machine
 * without PostgreSQL's server binaries, COMMONPLACE_NO_POSTGRES=1 skips them (and says so
 * in the report); CI has the binaries, so there a missing one fails loudly instead.
 */
export const postgresDisabled = process.env.COMMONPLACE_NO_POSTGRES === "1";

/**
 * A throwaway cluster of the test file's own (scripts/lib/postgres.mjs) in
 * data/pg-ops-<name>, so files running in parallel never share one.
 */
export async function startThrowawayPostgres(name: string) {
  mkdirSync("data", { recursive: true }); // readable by the server's user when run as root
  const dir = `data/pg-ops-${name}`;
  const cluster = await startPostgres({ dir });
  return {
    ...cluster,
    /** A new database, migrated as production is (`prisma migrate deploy`); its URL. */
    async migratedDatabase(database: string): Promise<string> {
      const url = await cluster.createDatabase(database);
      execFileSync("npx", ["prisma", "migrate", "deploy"], {
        env: { ...process.env, DATABASE_URL: url },
        stdio: "pipe",
      });
      return url;
    },
    stop() {
      cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
