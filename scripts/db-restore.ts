/**
 * `npm run db:restore -- <file> [--clean] [--force]`: puts a backup made by
 * `npm run db:backup` back as the configured database. Stop the blog first.
 * SQLite: the backup is checked, copied beside the database file and put in its place;
 * the replaced file is kept as `<file>.before-restore-<time>`. Refused while any program
 * has the database open. PostgreSQL: `pg_restore` in one transaction into an empty
 * database; `--clean` replaces a database's contents (saved first as a dump beside the
 * backup); `--force` restores although other sessions are connected.
 */
import { parseArgs } from "node:util";
import { missingMigrations } from "@/lib/db/migrations";
import { restorePostgres } from "@/lib/db/postgres-backup";
import { restoreDatabase } from "@/lib/db/sqlite-backup";
import { databaseFilePath, databaseProvider } from "@/lib/db/url";
import { loadEnvFiles } from "@/lib/env-files.mjs";
import { describeDatabase } from "./lib/describe-database";
import { runOperation } from "./lib/run-cli";

loadEnvFiles();

const USAGE = "Usage: npm run db:restore -- <backup file> [--clean] [--force]";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { clean: { type: "boolean" }, force: { type: "boolean" } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const [file] = positionals;
  const url = process.env.DATABASE_URL;
  const target = describeDatabase(url);

  if (databaseProvider(url) === "sqlite") {
    if (values.force) {
      console.error(
        "SQLite has no --force: a blog still running would go on writing into the replaced file. Stop it and run again.",
      );
      return 2;
    }
    const { previous, migrations } = await restoreDatabase(file, databaseFilePath(url));
    console.log(`Restored ${file} (integrity check ok) as ${target}.`);
    if (previous) console.log(`The database it replaced is kept as ${previous}.`);
    const missing = missingMigrations("sqlite", migrations);
    if (missing.length > 0)
      console.log(
        `The backup predates ${missing.length} migration(s): run npm run db:migrate (npm start does).`,
      );
  } else {
    const { previous } = await restorePostgres(file, url!, {
      env: process.env,
      clean: values.clean,
      force: values.force,
    });
    console.log(`Restored ${file} into ${target}.`);
    if (previous) console.log(`Its contents before the restore are saved as ${previous}.`);
    console.log("Run npm run db:migrate if the backup predates this version's migrations (npm start does).");
  }
  console.log(
    values.force
      ? "A blog that kept running still serves cached pages: npm run cache:expire."
      : "Start the blog again (it starts with an empty page cache).",
  );
  return 0;
}

runOperation(main);
