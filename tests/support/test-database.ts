import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { databaseFilePath, databaseProvider } from "../../lib/db/url";
import { recreateDatabase, siblingDatabaseUrl } from "../../scripts/lib/postgres.mjs";

/**
 * Vitest runs test files in parallel worker processes. Each worker gets a database of
 * its own, copied from a template that global setup migrates once, so no test can see
 * (or break on) rows another file inserts at the same moment. On SQLite the copy is a
 * file; on PostgreSQL (TEST_POSTGRES_URL, set by scripts/test-unit-pg.mjs) it is a
 * database created from the template database on that server.
 */
export const TEMPLATE_DATABASE_URL = "file:./data/test/template.db";
export const WORKER_DATABASE_DIR = "data/test/workers";

/** The PostgreSQL template's name; worker databases are made from it. */
export const POSTGRES_TEMPLATE = "commonplace_test_template";
const POSTGRES_WORKER_PREFIX = "commonplace_test_worker_";

/**
 * The PostgreSQL server a run tests against (any database on it, usually `postgres`),
 * or null for SQLite.
 */
export function testPostgresServer(): string | null {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) return null;
  if (databaseProvider(url) !== "postgresql")
    throw new Error("TEST_POSTGRES_URL must be a postgresql:// URL.");
  return url;
}

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
 * child processes the tests spawn inherit the variable, so they open the same database.
 */
export async function assignWorkerDatabase(): Promise<string> {
  const server = testPostgresServer();
  const url = server ? postgresWorkerUrl(server) : workerDatabaseUrl();
  // A worker runs several files when isolation is off: copy once, keep its rows.
  if (process.env.DATABASE_URL === url) return url;
  // The uploads folder's parent, on PostgreSQL too (tests make folders beside UPLOAD_DIR).
  mkdirSync(WORKER_DATABASE_DIR, { recursive: true });
  if (server) {
    await recreateDatabase(url, { template: POSTGRES_TEMPLATE });
  } else {
    const file = databaseFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    removeDatabaseFile(file);
    copyFileSync(databaseFilePath(TEMPLATE_DATABASE_URL), file);
  }
  process.env.DATABASE_URL = url;
  process.env.UPLOAD_DIR = `${WORKER_DATABASE_DIR}/uploads-${process.env.VITEST_WORKER_ID}`;
  return url;
}

/**
 * One database per pool slot (VITEST_POOL_ID: 1 … maxWorkers), made afresh from the
 * template for every worker that takes the slot: a new file gets an empty database as
 * on SQLite, and the run never holds more than maxWorkers databases (7 MB or so each).
 */
function postgresWorkerUrl(server: string): string {
  const slot = process.env.VITEST_POOL_ID;
  if (!slot) throw new Error("VITEST_POOL_ID is not set: is this running under Vitest?");
  return siblingDatabaseUrl(server, `${POSTGRES_WORKER_PREFIX}${slot}`);
}

/** Every worker database global setup may drop when the run ends. */
export function isPostgresWorkerDatabase(name: string): boolean {
  return name.startsWith(POSTGRES_WORKER_PREFIX);
}
