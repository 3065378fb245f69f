import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { onPostgres } from "@/tests/support/database-provider";

const root = path.resolve(import.meta.dirname, "..");
const dir = path.resolve(root, `data/test/dotenv-${randomUUID().slice(0, 8)}`);
// The child processes must find DATABASE_URL in .env only, as on a fresh server.
const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
delete childEnv.DATABASE_URL;

describe.skipIf(onPostgres)("a DATABASE_URL in .env (SQLite only: a file: URL)", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reaches the migrations (prisma.config.ts) and the command-line scripts", () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, ".env"), "DATABASE_URL=file:./from-dotenv.db\n");

    execFileSync(
      process.execPath,
      [
        path.join(root, "node_modules/prisma/build/index.js"),
        "migrate",
        "deploy",
        "--config",
        path.join(root, "prisma.config.ts"),
      ],
      { cwd: dir, env: childEnv, stdio: "pipe" },
    );
    const db = new Database(path.join(dir, "from-dotenv.db"));
    try {
      db.prepare(
        `INSERT INTO "User" ("id", "email", "name") VALUES ('u1', 'reader@example.test', 'Reader')`,
      ).run();
    } finally {
      db.close();
    }

    const roleScript = spawnSync(
      process.execPath,
      [
        path.join(root, "node_modules/tsx/dist/cli.mjs"),
        "--tsconfig",
        path.join(root, "tsconfig.json"),
        "--import",
        path.join(root, "scripts/lib/allow-server-only.mjs"),
        path.join(root, "scripts/user-role.ts"),
        "reader@example.test",
        "moderator",
      ],
      { cwd: dir, env: childEnv, encoding: "utf8" },
    );
    expect(roleScript.stderr).toBe("");
    expect(roleScript.stdout).toContain("reader@example.test is now moderator");
    const check = new Database(path.join(dir, "from-dotenv.db"), { readonly: true });
    try {
      expect(check.prepare(`SELECT "role" FROM "User" WHERE "id" = 'u1'`).get()).toEqual({
        role: "moderator",
      });
    } finally {
      check.close();
    }
  }, 120_000);
});
