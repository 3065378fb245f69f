/**
 * `npm run db:search-index`: rebuilds PostgreSQL's word indexes for SEARCH_LANGUAGE
 * after it changes (the migration builds them for "simple"). Searches and writes go on
 * meanwhile; nothing happens when the indexes already match. SQLite's indexes do not
 * depend on a language: there it only says so (docs/decisions/017).
 */
import { loadEnvFiles } from "@/lib/env-files.mjs";
import { runCli } from "./lib/run-cli";

// Before anything reads the environment (lib/env.ts parses it on import).
loadEnvFiles();
const { env } = await import("@/lib/env");
const { databaseProvider } = await import("@/lib/db/url");
const { createDbClient } = await import("@/lib/db/client");
const { rebuildSearchIndexes } = await import("@/lib/data/search/postgresql-index");

async function main(): Promise<number> {
  if (databaseProvider(env.DATABASE_URL) !== "postgresql") {
    console.log("SQLite: search indexes do not depend on SEARCH_LANGUAGE; nothing to do.");
    return 0;
  }
  const db = createDbClient();
  try {
    const rebuilt = await rebuildSearchIndexes(db, env.SEARCH_LANGUAGE);
    console.log(
      rebuilt.length > 0
        ? `Rebuilt ${rebuilt.join(", ")} for "${env.SEARCH_LANGUAGE}".`
        : `Search indexes are already built for "${env.SEARCH_LANGUAGE}".`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

runCli(main);
