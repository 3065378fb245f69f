/**
 * `npm run db:backup -- <file>`: a consistent copy of the configured database, taken
 * while the blog runs (SQLite's online backup; never copy the file itself without its
 * WAL). Restore by stopping the blog and putting the copy in place of the database file.
 */
import { databaseFilePath } from "@/lib/db/url";
import { backupDatabase } from "@/lib/db/backup";
import { loadEnvFiles } from "@/lib/env-files.mjs";

loadEnvFiles();

async function main(): Promise<number> {
  const destination = process.argv[2];
  if (!destination) {
    console.error("Usage: npm run db:backup -- <file>");
    return 2;
  }
  const source = databaseFilePath(process.env.DATABASE_URL);
  const started = performance.now();
  const { totalPages, restarts } = await backupDatabase(source, destination);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Backed up ${source} to ${destination}: ${totalPages} pages in ${seconds} s${restarts ? ` (${restarts} restarts after concurrent writes)` : ""}.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
