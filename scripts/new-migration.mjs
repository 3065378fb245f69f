#!/usr/bin/env node
// Creates prisma/<provider>/migrations/<timestamp>_<name>/migration.sql for both databases
// by diffing the committed schema (git HEAD) against the working copy. `prisma migrate
// dev` cannot run here: the WebAssembly schema engine fails on SQLite's shadow database
// (docs/decisions/001). The CLI writes SQL for the provider of its adapter, so the
// PostgreSQL diff runs against a throwaway cluster (docs/decisions/016).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startPostgres } from "./lib/postgres.mjs";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name_in_snake_case>");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

/** The migration's SQL for one provider, or null when its schema has not changed. */
function diff(provider, databaseUrl) {
  const schema = `prisma/${provider}/schema.prisma`;
  const migrationsDir = `prisma/${provider}/migrations`;
  const hasHistory =
    existsSync(migrationsDir) && readdirSync(migrationsDir).some((entry) => /^\d{14}_/.test(entry));
  let from = ["--from-empty"];
  if (hasHistory) {
    const previous = path.join(tmpdir(), `commonplace-prev-${provider}-${process.pid}.prisma`);
    writeFileSync(previous, execFileSync("git", ["show", `HEAD:${schema}`], { encoding: "utf8" }));
    from = ["--from-schema-datamodel", previous];
  }
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  if (!sql.trim() || /This is an empty migration/.test(sql)) return null;
  return sql;
}

function write(provider, sql) {
  const migrationsDir = `prisma/${provider}/migrations`;
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  writeFileSync(path.join(migrationsDir, "migration_lock.toml"), `provider = "${provider}"\n`);
  console.log(`Wrote ${dir}/migration.sql`);
}

const sqlite = diff("sqlite", "file:./data/new-migration.db");
let postgres = null;
let postgresChecked = false;
let cluster = null;
try {
  cluster = await startPostgres({ dir: "data/pg-new-migration" });
  postgres = diff("postgresql", cluster.url());
  postgresChecked = true;
} catch (error) {
  console.error(`No PostgreSQL migration written (${error.message.split("\n")[0]}): write it by hand.`);
} finally {
  cluster?.stop();
}
if (!sqlite && !postgres) {
  console.error("Neither schema has changed since HEAD: no migration written.");
  process.exit(1);
}
if (sqlite) write("sqlite", sqlite);
if (postgres) write("postgresql", postgres);
if (postgresChecked && Boolean(sqlite) !== Boolean(postgres))
  console.warn("Only one schema changed: prisma/sqlite and prisma/postgresql must keep the same models.");
