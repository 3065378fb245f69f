import { databaseProvider } from "@/lib/db/url";

/**
 * True in the PostgreSQL run (`npm run test:unit:pg`): tests/setup-database.ts has
 * pointed DATABASE_URL at this worker's database before any test file is loaded.
 * SQLite-only tests say so with `describe.skipIf(onPostgres)` and the reason in the
 * title; nothing else is skipped on either database.
 */
export const onPostgres = databaseProvider(process.env.DATABASE_URL) === "postgresql";
