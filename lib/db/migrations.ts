import { readdirSync } from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "@/lib/db/url";

/**
 * The migrations shipped for a database, in order: the folders under
 * prisma/<provider>/migrations, each holding a migration.sql (prisma.config.ts picks the
 * same folder, docs/decisions/016). The health check and the SQLite-to-PostgreSQL copy
 * compare a database's `_prisma_migrations` against this list.
 */
export function shippedMigrations(provider: DatabaseProvider): string[] {
  // turbopackIgnore: the folder is data, not code to trace into the server bundle.
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", provider, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The shipped migrations missing from `applied` (names of finished, not rolled back rows). */
export function missingMigrations(provider: DatabaseProvider, applied: Iterable<string>): string[] {
  const done = new Set(applied);
  return shippedMigrations(provider).filter((name) => !done.has(name));
}
