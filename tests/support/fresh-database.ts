import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { createDbClient, type DbClient } from "@/lib/db/client";
import { databaseFilePath } from "@/lib/db/url";
import { dropDatabase, recreateDatabase, siblingDatabaseUrl } from "../../scripts/lib/postgres.mjs";
import {
  POSTGRES_TEMPLATE,
  removeDatabaseFile,
  TEMPLATE_DATABASE_URL,
  testPostgresServer,
  WORKER_DATABASE_DIR,
} from "./test-database";

/**
 * An empty, migrated database besides this worker's own (a copy of the run's template),
 * for tests that move a blog from one database to another. `drop` disconnects and removes it.
 */
export async function freshDatabase(name: string): Promise<{ db: DbClient; drop: () => Promise<void> }> {
  const server = testPostgresServer();
  if (server) {
    // The worker prefix lets global teardown drop it if the test could not.
    const url = siblingDatabaseUrl(
      server,
      `commonplace_test_worker_${process.env.VITEST_POOL_ID}_${name.replace(/-/g, "_")}`,
    );
    await recreateDatabase(url, { template: POSTGRES_TEMPLATE });
    const db = createDbClient(url);
    return {
      db,
      drop: async () => {
        await db.$disconnect();
        await dropDatabase(url);
      },
    };
  }
  const file = path.join(WORKER_DATABASE_DIR, `worker-${process.env.VITEST_WORKER_ID}-${name}.db`);
  mkdirSync(path.dirname(file), { recursive: true });
  removeDatabaseFile(file);
  copyFileSync(databaseFilePath(TEMPLATE_DATABASE_URL), file);
  const db = createDbClient(`file:./${file}`);
  return {
    db,
    drop: async () => {
      await db.$disconnect();
      removeDatabaseFile(file);
    },
  };
}
