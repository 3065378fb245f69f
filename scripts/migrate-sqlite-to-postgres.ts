/**
 * `npm run db:migrate:sqlite-to-postgres -- <sqlite-file> <postgres-url>`: copies a
 * blog's data from its SQLite file into an empty PostgreSQL database migrated with
 * `DATABASE_URL=<postgres-url> npm run db:migrate`, verifies every table's row count and
 * a checksum of every row with an id (every comment among them), prints a report, and
 * commits only if all of it matches (exit 0); otherwise nothing is written (exit 1).
 * Stop the blog (or stop its writes) first: rows written after the copy starts stay behind.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { migrateSqliteToPostgres, type TransferReport } from "@/lib/db/sqlite-to-postgres";
import { databaseProvider } from "@/lib/db/url";
import { describeDatabase } from "./lib/describe-database";
import { runOperation } from "./lib/run-cli";

const USAGE = "Usage: npm run db:migrate:sqlite-to-postgres -- <sqlite-file> <postgres-url>";

async function main(): Promise<number> {
  const [file, url, ...rest] = process.argv.slice(2);
  if (!file || !url || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const sqliteFile = path.resolve(file.replace(/^file:/, ""));
  if (!existsSync(sqliteFile)) {
    console.error(`${sqliteFile} does not exist.\n${USAGE}`);
    return 2;
  }
  if (databaseProvider(url) !== "postgresql") {
    console.error(`The target must be a postgresql:// URL.\n${USAGE}`);
    return 2;
  }
  console.log(`Copying ${sqliteFile} into ${describeDatabase(url)}…`);
  const report = await migrateSqliteToPostgres(sqliteFile, url, {
    onTable: (table, rows) => console.log(`  ${table}: ${rows} rows copied`),
  });
  printReport(report);
  return report.ok ? 0 : 1;
}

function printReport(report: TransferReport): void {
  const header = ["table", "SQLite rows", "PostgreSQL rows", "checksum", ""];
  const lines = report.tables.map((check) => [
    check.table,
    String(check.sqliteRows),
    String(check.postgresRows),
    check.sqliteChecksum === null
      ? "(counted only)"
      : check.sqliteChecksum === check.postgresChecksum
        ? check.sqliteChecksum.slice(0, 16)
        : `${check.sqliteChecksum.slice(0, 16)} ≠ ${check.postgresChecksum?.slice(0, 16)}`,
    check.ok ? "ok" : "MISMATCH",
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => line[i].length)));
  console.log("");
  for (const line of [header, ...lines])
    console.log(
      line
        .map((cell, i) => cell.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    );
  const { plan } = report;
  if (plan.skipped.length > 0)
    console.log(
      `\nNot copied (SQLite's full-text indexes; PostgreSQL indexes the rows itself): ${plan.skipped.join(", ")}`,
    );
  if (plan.postgresOnlyColumns.length > 0)
    console.log(`Filled by PostgreSQL (defaults, triggers): ${plan.postgresOnlyColumns.join(", ")}`);
  if (plan.postgresOnlyTables.length > 0)
    console.log(`Only in PostgreSQL, left as migrated: ${plan.postgresOnlyTables.join(", ")}`);
  console.log(
    `Sequences set: ${report.sequences.map((s) => `${s.sequence} → ${s.next}`).join(", ") || "none"}`,
  );
  const seconds = (report.ms / 1000).toFixed(1);
  console.log(
    report.ok
      ? `\nDone in ${seconds} s: every count and checksum matches; committed.`
      : `\nMISMATCH: nothing was committed (the PostgreSQL database is as it was). ${seconds} s.`,
  );
}

runOperation(main);
