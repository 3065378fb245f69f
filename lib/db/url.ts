import path from "node:path";

/** Where the embedded database lives when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = "file:./data/commonplace.db";

/**
 * The database URL with a relative `file:` path made absolute against the project
 * root (the working directory of every script and of `next start`). The Prisma CLI and
 * the app both call this, so they can never open two different files. Callers pass
 * DATABASE_URL (the app through lib/env.ts); unset means the default file.
 */
export function resolveDatabaseUrl(url: string | undefined): string {
  url ||= DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}"`);
  }
  const filePath = url.slice("file:".length);
  // turbopackIgnore: the database is data, not code to trace into the server bundle.
  return `file:${path.resolve(/*turbopackIgnore: true*/ process.cwd(), filePath)}`;
}

/** The absolute filesystem path of the SQLite file. */
export function databaseFilePath(url: string | undefined): string {
  return resolveDatabaseUrl(url).slice("file:".length);
}
