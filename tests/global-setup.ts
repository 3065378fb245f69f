import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { databaseFilePath } from "../lib/db/url";

/** A fresh test database per run, migrated exactly as production is. */
export default function setup(): void {
  const url = "file:./data/test/vitest.db";
  const file = databaseFilePath(url);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}
