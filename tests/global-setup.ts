import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFilePath } from "../lib/db/url";
import { dropDatabase, recreateDatabase, siblingDatabaseUrl } from "../scripts/lib/postgres.mjs";
import {
  isPostgresWorkerDatabase,
  POSTGRES_TEMPLATE,
  removeDatabaseFile,
  TEMPLATE_DATABASE_URL,
  testPostgresServer,
  WORKER_DATABASE_DIR,
} from "./support/test-database";

/**
 * A fresh template database per run, migrated exactly as production is; every worker
 * copies it (tests/setup-database.ts). Teardown removes the workers' copies.
 */
export default async function setup(): Promise<() => Promise<void>> {
  rmSync(WORKER_DATABASE_DIR, { recursive: true, force: true });
  const server = testPostgresServer();
  if (server) {
    const template = siblingDatabaseUrl(server, POSTGRES_TEMPLATE);
    await recreateDatabase(template);
    migrate(template);
    return async () => {
      rmSync(WORKER_DATABASE_DIR, { recursive: true, force: true });
      for (const name of await databaseNames(server))
        if (isPostgresWorkerDatabase(name)) await dropDatabase(siblingDatabaseUrl(server, name));
      await dropDatabase(template);
    };
  }
  const file = databaseFilePath(TEMPLATE_DATABASE_URL);
  removeDatabaseFile(file);
  migrate(TEMPLATE_DATABASE_URL);
  // One self-contained file (no WAL beside it), so a plain file copy is the whole database.
  const template = new Database(file);
  template.pragma("journal_mode = DELETE");
  template.close();
  return async () => rmSync(WORKER_DATABASE_DIR, { recursive: true, force: true });
}

function migrate(url: string) {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

async function databaseNames(server: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database");
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}
