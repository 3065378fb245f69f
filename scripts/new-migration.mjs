#!/usr/bin/env node
// Creates prisma/migrations/<timestamp>_<name>/migration.sql by diffing the committed
// schema (git HEAD) against the working copy. `prisma migrate dev` cannot run here:
// the WebAssembly schema engine fails on SQLite's shadow database (docs/decisions/001).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name_in_snake_case>");
  process.exit(1);
}

const migrationsDir = "prisma/migrations";
const hasHistory =
  existsSync(migrationsDir) && readdirSync(migrationsDir).some((entry) => /^\d{14}_/.test(entry));
let from = ["--from-empty"];
if (hasHistory) {
  const previous = path.join(tmpdir(), `commonplace-prev-${process.pid}.prisma`);
  const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
  writeFileSync(previous, committed);
  from = ["--from-schema-datamodel", previous];
}

const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8" },
);
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.error("The schema has not changed since HEAD: no migration written.");
  process.exit(1);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "sqlite"\n');
console.log(`Wrote ${dir}/migration.sql`);
