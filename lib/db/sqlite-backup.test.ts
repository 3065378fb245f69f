import { randomUUID } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createComment } from "@/lib/data/comment-writes";
import { db } from "@/lib/db";
import { backupDatabase, restoreDatabase } from "@/lib/db/sqlite-backup";
import { databaseFilePath } from "@/lib/db/url";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { onPostgres } from "@/tests/support/database-provider";

const dir = databaseFilePath(`file:./data/test/backup-${randomUUID().slice(0, 8)}`);
const file = (name: string) => path.join(dir, name);
const live = () => databaseFilePath(process.env.DATABASE_URL);
const NO_FLOOD_LIMITS = { minIntervalSeconds: 0, perHour: 1_000_000 };

beforeAll(() => mkdirSync(dir, { recursive: true }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function query<T>(db: string, sql: string, ...params: unknown[]): T[] {
  const connection = new Database(db, { readonly: true });
  try {
    return connection.prepare(sql).all(...params) as T[];
  } finally {
    connection.close();
  }
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe.skipIf(onPostgres)("backupDatabase (SQLite only: its online backup API)", () => {
  it("copies the live database into a sound file, without taking the write lock", async () => {
    const target = file("locked.db");
    const other = new Database(live());
    other.prepare("BEGIN IMMEDIATE").run(); // a writer holds the lock throughout
    try {
      const { totalPages } = await backupDatabase(live(), target);
      expect(totalPages).toBeGreaterThan(0);
    } finally {
      other.prepare("ROLLBACK").run();
      other.close();
    }
    expect(query(target, "PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(query(target, "SELECT count(*) AS n FROM _prisma_migrations")).toEqual([
      { n: expect.any(Number) },
    ]);
    await expect(backupDatabase(live(), target)).rejects.toThrow(/already exists/);
  });

  it("taken during writes, restores with every comment acknowledged before it started", async () => {
    // Some 10 MB of visits, so the copy takes many steps and the writers land between them.
    const post = await createPost();
    await db.$executeRaw`INSERT INTO "PostVisit" ("postId", "kind", "day", "visitorHash")
      WITH RECURSIVE "n"("i") AS (SELECT 1 UNION ALL SELECT "i" + 1 FROM "n" WHERE "i" < 60000)
      SELECT ${post.id}, 'view', '2024-06-19', hex(randomblob(32)) FROM "n"`;
    const earlier = await createComments(post.id, [{}, { parent: 0 }, {}]);
    const authors = await Promise.all([1, 2, 3, 4].map(() => createUser()));
    const acknowledged: number[] = [];
    let writing = true;
    const writers = authors.map(async (author) => {
      for (let n = 0; writing; n++) {
        const result = await createComment(
          {
            author,
            postId: post.id,
            parentId: null,
            body: `${author.id} says ${n}`,
            idempotencyKey: randomUUID(),
          },
          NO_FLOOD_LIMITS,
        );
        if (!result.ok) throw new Error(`comment refused: ${result.reason}`);
        acknowledged.push(result.commentId);
        // Requests arrive as events of their own: without this the loop, all promises
        // on a synchronous driver, would never let the backup's steps run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    });

    const backup = file("during-writes.db");
    let beforeBackup: number[] = [];
    let duringBackup = 0;
    let restarts = 0;
    try {
      await until(() => acknowledged.length >= 8);
      beforeBackup = [...acknowledged];
      ({ restarts } = await backupDatabase(live(), backup));
      duringBackup = acknowledged.length - beforeBackup.length;
    } finally {
      writing = false;
      await Promise.all(writers);
    }

    const restored = file("restored.db");
    expect(await restoreDatabase(backup, restored)).toMatchObject({ previous: null });
    const ids = query<{ id: number }>(restored, 'SELECT "id" FROM "Comment" WHERE "postId" = ?', post.id).map(
      (row) => row.id,
    );
    // The writers really ran while the copy was made (and made it start over).
    expect(duringBackup).toBeGreaterThan(0);
    expect(restarts).toBeGreaterThan(0);
    expect(ids).toEqual(expect.arrayContaining([...earlier, ...beforeBackup]));
    // Nothing the writers did not store, and no comment twice.
    const written = new Set([...earlier, ...acknowledged]);
    expect(ids.filter((id) => !written.has(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(query(restored, "PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  });
});

describe.skipIf(onPostgres)("restoreDatabase (SQLite only: the database file)", () => {
  const marker = "restore-marker";

  it("replaces the database only when nothing has it open, keeping the file it replaced", async () => {
    const backup = file("plain.db");
    await backupDatabase(live(), backup);
    const target = file("target.db");
    await backupDatabase(live(), target);
    const blog = new Database(target); // the blog, still running
    blog.pragma("journal_mode = WAL");
    blog.prepare('INSERT INTO "Label" ("name", "slug") VALUES (?, ?)').run(marker, marker);
    try {
      await expect(restoreDatabase(backup, target)).rejects.toThrow(/in use: stop the blog/);
    } finally {
      blog.close();
    }
    expect(query(target, 'SELECT "name" FROM "Label" WHERE "slug" = ?', marker)).toHaveLength(1);

    const { previous } = await restoreDatabase(backup, target);
    expect(previous).toMatch(/target\.db\.before-restore-/);
    expect(query(target, 'SELECT "name" FROM "Label" WHERE "slug" = ?', marker)).toEqual([]);
    // The replaced database is whole in its one file: its WAL was folded in before the move.
    expect(query(previous!, 'SELECT "name" FROM "Label" WHERE "slug" = ?', marker)).toHaveLength(1);
    expect(existsSync(`${previous}-wal`)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes(".restoring"))).toEqual([]);
  });

  it("refuses a damaged backup or another file and leaves the database as it was", async () => {
    const damaged = file("damaged.db");
    await backupDatabase(live(), damaged);
    const handle = openSync(damaged, "r+");
    const pageSize = 4096;
    const pages = statSync(damaged).size / pageSize;
    for (let page = 2; page < pages; page += 3)
      writeSync(handle, Buffer.alloc(pageSize, 0x5a), 0, pageSize, page * pageSize);
    closeSync(handle);
    const target = file("kept.db");
    await backupDatabase(live(), target);
    const before = statSync(target).mtimeMs;

    await expect(restoreDatabase(damaged, target)).rejects.toThrow(
      /integrity check|not a sound SQLite database/,
    );
    await expect(restoreDatabase(path.resolve("package.json"), target)).rejects.toThrow(
      /not a (sound )?SQLite/,
    );
    await expect(restoreDatabase(file("missing.db"), target)).rejects.toThrow(/does not exist/);
    expect(statSync(target).mtimeMs).toBe(before);
    expect(readdirSync(dir).filter((name) => /restoring|before-restore-.*kept/.test(name))).toEqual([]);
  });
});
