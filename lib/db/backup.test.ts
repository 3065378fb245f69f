import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { databaseFilePath } from "@/lib/db/url";
import { backupDatabase } from "@/lib/db/backup";
import { onPostgres } from "@/tests/support/database-provider";

const target = databaseFilePath(`file:./data/test/backup-${randomUUID().slice(0, 8)}.db`);

afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(target + suffix, { force: true });
});

describe.skipIf(onPostgres)("backupDatabase (SQLite only: its online backup API)", () => {
  it("copies the live database into a sound file, without taking the write lock", async () => {
    const other = new Database(databaseFilePath(process.env.DATABASE_URL));
    other.prepare("BEGIN IMMEDIATE").run(); // a writer holds the lock throughout
    try {
      const { totalPages } = await backupDatabase(databaseFilePath(process.env.DATABASE_URL), target);
      expect(totalPages).toBeGreaterThan(0);
    } finally {
      other.prepare("ROLLBACK").run();
      other.close();
    }
    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(copy.prepare("SELECT count(*) AS n FROM _prisma_migrations").get()).toEqual({
        n: expect.any(Number),
      });
    } finally {
      copy.close();
    }
  });

  it("refuses to overwrite an existing file", async () => {
    await expect(backupDatabase(databaseFilePath(process.env.DATABASE_URL), target)).rejects.toThrow(
      /already exists/,
    );
  });
});
