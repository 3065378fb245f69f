import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import pg from "pg";
import { startPostgres } from "@/scripts/lib/postgres.mjs";

/**
 * PostgreSQL tests in the normal suite run whenever this is not set: on a machine
 * without PostgreSQL's server binaries, COMMONPLACE_NO_POSTGRES=1 skips them (and says so
 * in the report); CI has the binaries, so there a missing one fails loudly instead.
 */
export const postgresDisabled = process.env.COMMONPLACE_NO_POSTGRES === "1";

const TEMPLATE = "migrated_template";

/**
 * A throwaway cluster of the test file's own (scripts/lib/postgres.mjs) in
 * data/pg-ops-<name>, so files running in parallel never share one.
 */
export async function startThrowawayPostgres(name: string) {
  mkdirSync("data", { recursive: true }); // readable by the server's user when run as root
  const dir = `data/pg-ops-${name}`;
  const cluster = await startPostgres({ dir });
  let template: Promise<void> | null = null;
  return {
    ...cluster,
    /**
     * A new database migrated as production is: `prisma migrate deploy` runs once, into
     * a template that each further database is a copy of (seconds saved per database).
     */
    async migratedDatabase(database: string): Promise<string> {
      template ??= cluster.createDatabase(TEMPLATE).then((url) => {
        execFileSync("npx", ["prisma", "migrate", "deploy"], {
          env: { ...process.env, DATABASE_URL: url },
          stdio: "pipe",
        });
      });
      await template;
      const client = new pg.Client({ connectionString: cluster.url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${database}" TEMPLATE "${TEMPLATE}"`);
      } finally {
        await client.end();
      }
      return cluster.url(database);
    },
    stop() {
      cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
