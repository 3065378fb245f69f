/**
 * `npm run db:search-index`: makes PostgreSQL read words in SEARCH_LANGUAGE (the
 * migration starts with "simple") and re-reads every post and comment stored in another
 * language, in batches, while the blog runs; a second run finds nothing to do. SQLite's
 * indexes do not depend on a language: there it only says so (docs/decisions/017).
 */
import { loadEnvFiles } from "@/lib/env-files.mjs";
import { runCli } from "./lib/run-cli";

// Before anything reads the environment (lib/env.ts parses it on import).
loadEnvFiles();
const { env } = await import("@/lib/env");
const { databaseProvider } = await import("@/lib/db/url");
const { createDbClient } = await import("@/lib/db/client");
const { applySearchLanguage } = await import("@/lib/data/search/postgresql-index");

async function main(): Promise<number> {
  if (databaseProvider(env.DATABASE_URL) !== "postgresql") {
    console.log("SQLite: search indexes do not depend on SEARCH_LANGUAGE; nothing to do.");
    return 0;
  }
  const db = createDbClient();
  try {
    const { posts, comments } = await applySearchLanguage(db, env.SEARCH_LANGUAGE);
    console.log(
      `Search reads words as "${env.SEARCH_LANGUAGE}": ${posts} posts and ${comments} comments re-read.`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

runCli(main);
