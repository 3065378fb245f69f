import path from "node:path";

/** Where the embedded database lives when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = "file:./data/commonplace.db";

/** The database behind a URL: `file:` is SQLite, `postgres(ql)://` is PostgreSQL (decision 016). */
export type DatabaseProvider = "sqlite" | "postgresql";

const POSTGRES_SCHEMES = ["postgresql://", "postgres://"];

/** The provider a database URL names; throws for any other scheme. Unset means the default file. */
export function databaseProvider(url: string | undefined): DatabaseProvider {
  url ||= DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) return "sqlite";
  if (POSTGRES_SCHEMES.some((scheme) => url.startsWith(scheme))) return "postgresql";
  // The URL may carry a password: name only its scheme.
  throw new Error(
    `DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL, got one starting "${url.split(":")[0]}:"`,
  );
}

/**
 * The database URL with a relative `file:` path made absolute against the project
 * root (the working directory of every script and of `next start`). The Prisma CLI and
 * the app both call this, so they can never open two different files. Callers pass
 * DATABASE_URL (the app through lib/env.ts); unset means the default file. A PostgreSQL
 * URL is returned as given.
 */
export function resolveDatabaseUrl(url: string | undefined): string {
  url ||= DEFAULT_DATABASE_URL;
  if (databaseProvider(url) === "postgresql") return url;
  const filePath = url.slice("file:".length);
  // turbopackIgnore: the database is data, not code to trace into the server bundle.
  return `file:${path.resolve(/*turbopackIgnore: true*/ process.cwd(), filePath)}`;
}

/** The absolute filesystem path of the SQLite file; throws for a PostgreSQL URL. */
export function databaseFilePath(url: string | undefined): string {
  const resolved = resolveDatabaseUrl(url);
  if (!resolved.startsWith("file:")) throw new Error("DATABASE_URL names a PostgreSQL database, not a file.");
  return resolved.slice("file:".length);
}
