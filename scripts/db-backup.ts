/**
 * `npm run db:backup -- <file>`: a consistent copy of the configured database, taken
 * while the blog runs. SQLite: the online backup API, checked with SQLite's integrity
 * check (never copy the file itself without its WAL). PostgreSQL: `pg_dump` in its
 * custom format, checked with `pg_restore --list`. `npm run db:restore` puts it back.
 */
import { statSync } from "node:fs";
import { dumpPostgres } from "@/lib/db/postgres-backup";
import { backupDatabase } from "@/lib/db/sqlite-backup";
import { databaseFilePath, databaseProvider } from "@/lib/db/url";
import { loadEnvFiles } from "@/lib/env-files.mjs";
import { describeDatabase } from "./lib/describe-database";
import { runOperation } from "./lib/run-cli";

loadEnvFiles();

async function main(): Promise<number> {
  const destination = process.argv[2];
  if (!destination || process.argv.length > 3) {
    console.error("Usage: npm run db:backup -- <file>");
    return 2;
  }
  const url = process.env.DATABASE_URL;
  const started = performance.now();
  let detail = "";
  if (databaseProvider(url) === "sqlite") {
    const { totalPages, restarts } = await backupDatabase(databaseFilePath(url), destination);
    detail = `${totalPages} pages${restarts ? `, ${restarts} restarts after concurrent writes` : ""}, integrity check ok`;
  } else {
    await dumpPostgres(url!, destination, { env: process.env });
    detail = "pg_dump custom format, readable by pg_restore";
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (statSync(destination).size / 1024 / 1024).toFixed(1);
  console.log(
    `Backed up ${describeDatabase(url)} to ${destination}: ${megabytes} MB in ${seconds} s (${detail}).`,
  );
  return 0;
}

runOperation(main);
