import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkDumpFile,
  dumpPostgres,
  libpqConnection,
  postgresTool,
  restorePostgres,
} from "@/lib/db/postgres-backup";
import { postgresDisabled, startThrowawayPostgres } from "@/tests/support/throwaway-postgres";
import { onPostgres } from "@/tests/support/database-provider";

const dir = path.resolve(`data/test/pg-backup-${randomUUID().slice(0, 8)}`);
const file = (name: string) => path.join(dir, name);
const env = process.env;
const NO_FLOOD_LIMITS = { minIntervalSeconds: 0, perHour: 1_000_000 };

async function commentIds(url: string, postId: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      'SELECT "id" FROM "Comment" WHERE "postId" = $1 ORDER BY "id"',
      [postId],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("postgresTool and libpqConnection", () => {
  it("names what to install when a tool is missing", () => {
    expect(() => postgresTool("pg_dump", { PG_BIN: "/nowhere" })).toThrow(
      /pg_dump was not found in PG_BIN \(\/nowhere\): install PostgreSQL's client programs \(Debian: apt-get install postgresql-client\)/,
    );
  });

  it("keeps the password off the command line and drops what only Prisma reads", () => {
    expect(
      libpqConnection("postgresql://blog:p%40ss@db.internal:5433/blog?schema=public&sslmode=require"),
    ).toEqual({
      dbname: "postgresql://blog@db.internal:5433/blog?sslmode=require",
      env: { PGPASSWORD: "p@ss" },
    });
    expect(libpqConnection("postgresql://blog@localhost/blog").env).toEqual({});
  });
});

describe.skipIf(postgresDisabled || onPostgres)(
  "PostgreSQL backup and restore (pg_dump, pg_restore; in the SQLite run, on a cluster of its own)",
  () => {
    const appUrl = process.env.DATABASE_URL;
    let cluster: Awaited<ReturnType<typeof startThrowawayPostgres>>;
    let blogUrl: string;
    let app: {
      db: typeof import("@/lib/db").db;
      createComment: typeof import("@/lib/data/comment-writes").createComment;
      factories: typeof import("@/tests/support/factories");
    };

    beforeAll(async () => {
      mkdirSync(dir, { recursive: true });
      cluster = await startThrowawayPostgres("backup");
      blogUrl = await cluster.migratedDatabase("blog");
      // The data layer reads DATABASE_URL when first imported: point it at PostgreSQL first.
      process.env.DATABASE_URL = blogUrl;
      const [{ db }, { createComment }, factories] = await Promise.all([
        import("@/lib/db"),
        import("@/lib/data/comment-writes"),
        import("@/tests/support/factories"),
      ]);
      app = { db, createComment, factories };
      const [{ version }] = await db.$queryRaw<{ version: string }[]>`SELECT version()`;
      expect(version).toMatch(/^PostgreSQL/);
    }, 120_000);

    afterAll(async () => {
      await app?.db.$disconnect();
      cluster?.stop();
      process.env.DATABASE_URL = appUrl;
      rmSync(dir, { recursive: true, force: true });
    });

    let postId: number;
    let backupIds: number[];
    const backup = file("blog.dump");

    it("a dump taken during writes restores with every comment acknowledged before it started", async () => {
      const { createPost, createUser } = app.factories;
      postId = (await createPost()).id;
      const authors = await Promise.all([1, 2, 3, 4].map(() => createUser()));
      const acknowledged: number[] = [];
      let writing = true;
      const writers = authors.map(async (author) => {
        for (let n = 0; writing; n++) {
          const result = await app.createComment(
            { author, postId, parentId: null, body: `${author.id} says ${n}`, idempotencyKey: randomUUID() },
            NO_FLOOD_LIMITS,
          );
          if (!result.ok) throw new Error(`comment refused: ${result.reason}`);
          acknowledged.push(result.commentId);
        }
      });

      let beforeBackup: number[] = [];
      let duringBackup = 0;
      try {
        await until(() => acknowledged.length >= 8);
        beforeBackup = [...acknowledged];
        await dumpPostgres(blogUrl, backup, { env });
        duringBackup = acknowledged.length - beforeBackup.length;
      } finally {
        writing = false;
        await Promise.all(writers);
      }

      const restoredUrl = await cluster.createDatabase("restored");
      expect(await restorePostgres(backup, restoredUrl, { env })).toEqual({ previous: null });
      backupIds = await commentIds(restoredUrl, postId);
      expect(duringBackup).toBeGreaterThan(0); // the writers really ran while pg_dump did
      expect(backupIds).toEqual(expect.arrayContaining(beforeBackup));
      const written = new Set(acknowledged);
      expect(backupIds.filter((id) => !written.has(id))).toEqual([]);
      expect(new Set(backupIds).size).toBe(backupIds.length);
    });

    it("replaces a database's contents only with --clean, saving them first, and not under a running blog without --force", async () => {
      expect(backupIds?.length).toBeGreaterThan(0);
      const liveIds = await commentIds(blogUrl, postId);
      expect(liveIds.length).toBeGreaterThan(backupIds.length);

      await expect(restorePostgres(backup, blogUrl, { env })).rejects.toThrow(
        /Database "blog" is not empty \(\d+ tables\): restore into an empty database, or pass --clean/,
      );
      // The data layer's pool is connected: that is a running blog.
      await expect(restorePostgres(backup, blogUrl, { env, clean: true })).rejects.toThrow(
        /other session\(s\) are connected to database "blog": stop the blog first, or pass --force/,
      );
      expect(await commentIds(blogUrl, postId)).toEqual(liveIds);

      await app.db.$disconnect();
      const { previous } = await restorePostgres(backup, blogUrl, { env, clean: true });
      expect(await commentIds(blogUrl, postId)).toEqual(backupIds);
      expect(previous).toMatch(/blog-before-restore-.*\.dump$/);
      await checkDumpFile(previous!, { env });
      const saved = await cluster.createDatabase("saved");
      await restorePostgres(previous!, saved, { env });
      expect(await commentIds(saved, postId)).toEqual(liveIds);
    });

    it("refuses files that are not dumps of a Commonplace database, leaving the database as it was", async () => {
      const garbage = file("garbage.dump");
      writeFileSync(garbage, "not a dump");
      const target = await cluster.createDatabase("untouched");
      await expect(restorePostgres(garbage, target, { env })).rejects.toThrow(
        /not a readable pg_dump archive/,
      );
      await expect(dumpPostgres(target, file("other.dump"), { env })).rejects.toThrow(
        /a pg_dump archive, but not of a Commonplace database/,
      );
      expect(readdirSync(dir).filter((name) => name.startsWith("other.dump"))).toEqual([]);
      await expect(dumpPostgres(blogUrl, backup, { env })).rejects.toThrow(/already exists/);
    });

    it("backs up and restores through npm run db:backup / db:restore, picked by DATABASE_URL", async () => {
      const run = promisify(execFile);
      const cli = (script: string, args: string[], url: string) =>
        run("npx", ["tsx", script, ...args], { env: { ...process.env, DATABASE_URL: url } });
      const dump = file("cli.dump");
      const backedUp = await cli("scripts/db-backup.ts", [dump], blogUrl);
      expect(backedUp.stdout).toMatch(
        /Backed up PostgreSQL database "blog" on 127\.0\.0\.1:\d+ to .*cli\.dump/,
      );
      expect(existsSync(dump)).toBe(true);
      const fresh = await cluster.createDatabase("from_cli");
      const restored = await cli("scripts/db-restore.ts", [dump], fresh);
      expect(restored.stdout).toContain('into PostgreSQL database "from_cli"');
      expect(await commentIds(fresh, postId)).toEqual(backupIds);
      await expect(cli("scripts/db-restore.ts", [dump], fresh)).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/is not empty/),
      });
    });
  },
);
