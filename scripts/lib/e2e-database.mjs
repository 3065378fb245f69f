// The database the end-to-end suite runs on: the one scripts/e2e-server.mjs resets,
// migrates, seeds and serves, and the one the Playwright factories write to
// (e2e/support/factories.ts). A SQLite file of its own unless E2E_DATABASE_URL names
// another; `npm run test:e2e:pg` (scripts/test-e2e-pg.mjs) sets a PostgreSQL one.
import { mkdirSync, rmSync } from "node:fs";
import { recreateDatabase } from "./postgres.mjs";

const DEFAULT_E2E_DATABASE_URL = "file:./data/e2e/e2e.db";

export function e2eDatabaseUrl(env = process.env) {
  return env.E2E_DATABASE_URL || DEFAULT_E2E_DATABASE_URL;
}

/** Empties the e2e database: the SQLite file and its companions go, a PostgreSQL one is created anew. */
export async function resetE2EDatabase(url) {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  } else {
    await recreateDatabase(url);
  }
}

/**
 * Where scripts/e2e-server.mjs copies the standard output (the JSON log) of the server
 * on `port`; e2e/errors-and-refusals.spec.ts reads it. Emptied when the first instance starts.
 */
export function e2eServerLogFile(port) {
  mkdirSync("data/e2e", { recursive: true });
  return `data/e2e/server-${port}.log`;
}

/** The port of the SMTP server the e2e suite runs for the servers' mail (after their two ports). */
export function e2eSmtpPort(firstPort = Number(process.env.E2E_PORT ?? 3210)) {
  return firstPort + 2;
}
