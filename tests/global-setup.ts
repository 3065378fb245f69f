import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { databaseFilePath } from "../lib/db/url";
import { removeDatabaseFile, TEMPLATE_DATABASE_URL, WORKER_DATABASE_DIR } from "./support/test-database";

/**
 * A fresh template database per run, migrated exactly as production is; every worker
 * copies it (tests/setup-database.ts). Teardown removes the workers' copies.
 */
export default function setup(): () => void {
  const file = databaseFilePath(TEMPLATE_DATABASE_URL);
  removeDatabaseFile(file);
  rmSync(WORKER_DATABASE_DIR, { recursive: true, force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: TEMPLATE_DATABASE_URL },
    stdio: "pipe",
  });
  // One self-contained file (no WAL beside it), so a plain file copy is the whole database.
  const template = new Database(file);
  template.pragma("journal_mode = DELETE");
  template.close();
  return () => rmSync(WORKER_DATABASE_DIR, { recursive: true, force: true });
}
