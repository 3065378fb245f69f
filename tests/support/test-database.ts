import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { databaseFilePath } from "../../lib/db/url";

/**
 * Vitest runs test files in parallel worker processes. Each worker gets a database file
 * of its own, copied from a template that global setup migrates once, so no test can see
 * (or break on) rows another file inserts at the same moment.
 */
export const TEMPLATE_DATABASE_URL = "file:./data/test/template.db";
export const WORKER_DATABASE_DIR = "data/test/workers";

/** This worker's database: VITEST_WORKER_ID is unique per worker within a run. */
export function workerDatabaseUrl(workerId = process.env.VITEST_WORKER_ID): string {
  if (!workerId) throw new Error("VITEST_WORKER_ID is not set: is this running under Vitest?");
  return `file:./${WORKER_DATABASE_DIR}/worker-${workerId}.db`;
}

/** Removes a SQLite file with its WAL, shared-memory and journal companions. */
export function removeDatabaseFile(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

/**
 * Gives this worker process its own copy of the template and points DATABASE_URL at it
 * (and UPLOAD_DIR at a folder of its own beside it).
 * Must run before anything creates a Prisma client (lib/db reads DATABASE_URL on import);
 * child processes the tests spawn inherit the variable, so they open the same file.
 */
export function assignWorkerDatabase(): string {
  const url = workerDatabaseUrl();
  // A worker runs several files when isolation is off: copy once, keep its rows.
  if (process.env.DATABASE_URL === url) return url;
  const file = databaseFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  removeDatabaseFile(file);
  copyFileSync(databaseFilePath(TEMPLATE_DATABASE_URL), file);
  process.env.DATABASE_URL = url;
  process.env.UPLOAD_DIR = `${WORKER_DATABASE_DIR}/uploads-${process.env.VITEST_WORKER_ID}`;
  return url;
}
