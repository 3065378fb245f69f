import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { onPostgres } from "@/tests/support/database-provider";

const MIGRATIONS = path.resolve(import.meta.dirname, "migrations");
const TARGET = readdirSync(MIGRATIONS).find((name) => name.endsWith("_post_visits"))!;

/** Applies the migrations in order, `until` excluded (or all of them), as plain SQL. */
function migrate(db: Database.Database, from: string | null, until: string | null) {
  for (const name of readdirSync(MIGRATIONS)
    .filter((n) => /^\d{14}_/.test(n))
    .sort()) {
    if (from !== null && name < from) continue;
    if (until !== null && name >= until) break;
    db.exec(readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
  }
}

describe.skipIf(onPostgres)("migration post_visits (SQLite only: replays the SQLite migrations)", () => {
  const dir = path.resolve("data/test/migrations");
  const file = path.join(dir, `${randomUUID()}.db`);
  afterEach(() => rmSync(file, { force: true }));

  it("moves every PostView and PostShare row into PostVisit with its kind", () => {
    mkdirSync(dir, { recursive: true });
    const db = new Database(file);
    try {
      migrate(db, null, TARGET);
      db.exec(
        `INSERT INTO "Post" ("id", "slug", "title", "bodyMarkdown", "updatedAt") VALUES (1, 'a', 'A', 'x', 0)`,
      );
      const insert = (table: string, day: string, hash: string) =>
        db.prepare(`INSERT INTO "${table}" ("postId", "day", "visitorHash") VALUES (1, ?, ?)`).run(day, hash);
      insert("PostView", "2026-11-01", "h1");
      insert("PostView", "2026-11-02", "h1");
      // The same visitor both viewed and shared: two rows, one of each kind.
      insert("PostShare", "2026-11-01", "h1");

      migrate(db, TARGET, null);

      const rows = db
        .prepare(`SELECT "postId", "kind", "day", "visitorHash" FROM "PostVisit" ORDER BY "kind" DESC, "day"`)
        .all();
      expect(rows).toEqual([
        { postId: 1, kind: "view", day: "2026-11-01", visitorHash: "h1" },
        { postId: 1, kind: "view", day: "2026-11-02", visitorHash: "h1" },
        { postId: 1, kind: "share", day: "2026-11-01", visitorHash: "h1" },
      ]);
      const tables = db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('PostView', 'PostShare')`)
        .all();
      expect(tables).toEqual([]);
    } finally {
      db.close();
    }
  });
});
