import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDbClient, type DbClient } from "@/lib/db/client";
import { databaseFilePath } from "@/lib/db/url";
import { seedDemo } from "@/seeds/seed-demo";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { postgresDisabled, startThrowawayPostgres } from "@/tests/support/throwaway-postgres";
import { migrateSqliteToPostgres } from ".";
import { onPostgres } from "@/tests/support/database-provider";

async function sql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** What the blog reads, through Prisma on each side: every model, every row, in key order. */
async function everything(client: DbClient) {
  return {
    users: await client.user.findMany({ orderBy: { id: "asc" }, include: { accounts: true } }),
    throttles: await client.signInThrottle.findMany({ orderBy: { key: "asc" } }),
    posts: await client.post.findMany({
      orderBy: { id: "asc" },
      include: { labels: { orderBy: { id: "asc" } } },
    }),
    redirects: await client.postRedirect.findMany({ orderBy: { id: "asc" } }),
    visits: await client.postVisit.findMany({
      orderBy: [{ postId: "asc" }, { kind: "asc" }, { day: "asc" }, { visitorHash: "asc" }],
    }),
    labels: await client.label.findMany({ orderBy: { id: "asc" } }),
    pages: await client.page.findMany({ orderBy: { id: "asc" } }),
    comments: await client.comment.findMany({ orderBy: { id: "asc" } }),
    log: await client.moderationLog.findMany({ orderBy: { id: "asc" } }),
  };
}

describe.skipIf(postgresDisabled || onPostgres)(
  "npm run db:migrate:sqlite-to-postgres (in the SQLite run: it reads the worker's SQLite file)",
  () => {
    // Read in the tests, not here: Vitest collects a skipped block too, and in the
    // PostgreSQL run DATABASE_URL names no file.
    let sqliteFile: string;
    let cluster: Awaited<ReturnType<typeof startThrowawayPostgres>>;
    let target: string;
    let deletedPostId: number;

    beforeAll(async () => {
      sqliteFile = databaseFilePath(process.env.DATABASE_URL);
      cluster = await startThrowawayPostgres("transfer");
      target = await cluster.migratedDatabase("blog");
      // A trigger-maintained search column PostgreSQL has and SQLite lacks, as PostgreSQL's
      // search migration adds: the copy leaves it to the trigger, which must fire per row.
      await sql(
        target,
        `ALTER TABLE "Comment" ADD COLUMN "searchText" tsvector;
       CREATE FUNCTION comment_search() RETURNS trigger AS $$
       BEGIN NEW."searchText" := to_tsvector('simple', NEW."body"); RETURN NEW; END $$ LANGUAGE plpgsql;
       CREATE TRIGGER comment_search BEFORE INSERT OR UPDATE ON "Comment" FOR EACH ROW EXECUTE FUNCTION comment_search();`,
      );

      // The blog: the demo, a 2,000-comment discussion, and the awkward cases.
      await seedDemo(db);
      const [ann, bob] = [await createUser({ name: "Ann 🌿" }), await createUser({ role: "moderator" })];
      await db.account.create({ data: { userId: ann.id, provider: "github", providerAccountId: "42" } });
      await db.signInThrottle.create({ data: { key: "ip:127.0.0.1", failures: 3, windowStart: new Date() } });
      const post = await createPost({
        title: "Κείμενο — 中文 \"quoted\" 'text'",
        commentsEnabled: false,
        labels: { create: [{ name: "Transfers", slug: "transfers" }] },
        redirects: { create: [{ path: "/2024/06/old-slug" }] },
      });
      const ids = await createComments(
        post.id,
        Array.from({ length: 2000 }, (_, i) => ({
          parent: i > 0 && i % 3 !== 0 ? i - 1 - (i % 7 === 0 ? 1 : 0) : undefined,
          body: `Comment ${i}: multi\nline, emoji 🎉, quote " and backslash \\`,
          authorId: i % 2 ? ann.id : bob.id,
        })),
      );
      await db.comment.update({
        where: { id: ids[5] },
        data: {
          deletedAt: new Date("2024-06-20T01:02:03.456Z"),
          deletedById: bob.id,
          deletedReason: "moderator",
        },
      });
      // A parent with a higher id than its reply: no app path makes one, an import might.
      const late = await db.comment.create({
        data: { postId: post.id, authorName: "Late", body: "later parent" },
      });
      await db.comment.update({ where: { id: ids[0] }, data: { parentId: late.id } });
      await db.postVisit.create({
        data: { postId: post.id, kind: "view", day: "2024-06-19", visitorHash: "abc" },
      });
      // SQLite's own CURRENT_TIMESTAMP text, not Prisma's ISO form.
      await db.$executeRaw`INSERT INTO "ModerationLog" ("actorId", "action", "targetType", "targetId") VALUES (${bob.id}, 'ban', 'user', ${ann.id})`;
      // The highest post id deleted: PostgreSQL must not hand it out again.
      deletedPostId = (await createPost()).id;
      await db.post.delete({ where: { id: deletedPostId } });
    }, 180_000);

    afterAll(() => cluster?.stop());

    it("copies every table, ids kept, and proves it by counts and a checksum of every comment", async () => {
      const copied: string[] = [];
      const report = await migrateSqliteToPostgres(sqliteFile, target, {
        onTable: (table) => copied.push(table),
      });

      expect(report.ok).toBe(true);
      // Foreign-key order: users and posts before what refers to them.
      expect(copied.indexOf("User")).toBeLessThan(copied.indexOf("Post"));
      expect(copied.indexOf("Post")).toBeLessThan(copied.indexOf("Comment"));
      expect(copied.indexOf("Label")).toBeLessThan(copied.indexOf("_LabelToPost"));
      expect(copied).not.toContain("_prisma_migrations");
      expect(report.plan.skipped).toEqual([
        "CommentSearch",
        "CommentSearchTrigram",
        "PostSearch",
        "PostSearchTrigram",
      ]);
      expect(report.plan.postgresOnlyColumns).toEqual(["Comment.searchText"]);
      const comments = report.tables.find((check) => check.table === "Comment")!;
      expect(comments.sqliteRows).toBeGreaterThanOrEqual(2011);
      expect(comments).toMatchObject({ postgresRows: comments.sqliteRows, ok: true });
      expect(comments.postgresChecksum).toMatch(/^[0-9a-f]{64}$/);
      expect(comments.postgresChecksum).toBe(comments.sqliteChecksum);
      for (const check of report.tables)
        expect(check, check.table).toMatchObject({ ok: true, copied: check.sqliteRows });

      // Read back through Prisma on both sides, independently of the tool's own check.
      const postgres = createDbClient(target);
      try {
        expect(await everything(postgres)).toEqual(await everything(db));
        const [{ unindexed }] = await sql<{ unindexed: number }>(
          target,
          `SELECT count(*)::int AS unindexed FROM "Comment" WHERE "searchText" IS NULL`,
        );
        expect(unindexed).toBe(0);
        // Sequences continue after the copied ids, and after SQLite's deleted highest post.
        const maxComment = (await db.comment.aggregate({ _max: { id: true } }))._max.id!;
        const added = await postgres.comment.create({
          data: { postId: (await postgres.post.findFirstOrThrow()).id, authorName: "New", body: "new" },
        });
        expect(added.id).toBe(maxComment + 1);
        const post = await postgres.post.create({
          data: { slug: "after-transfer", title: "t", bodyMarkdown: "b" },
        });
        expect(post.id).toBe(deletedPostId + 1);
      } finally {
        await postgres.$disconnect();
      }
    });

    it("refuses a target that is not empty or not migrated, writing nothing", async () => {
      const [before] = await sql<{ n: number }>(target, `SELECT count(*)::int AS n FROM "Comment"`);
      await expect(migrateSqliteToPostgres(sqliteFile, target)).rejects.toThrow(
        /The PostgreSQL database is not empty: .*Comment \(\d+ rows\).*nothing was written/,
      );
      expect(await sql(target, `SELECT count(*)::int AS n FROM "Comment"`)).toEqual([before]);

      const bare = await cluster.createDatabase("bare");
      await expect(migrateSqliteToPostgres(sqliteFile, bare)).rejects.toThrow(
        /The PostgreSQL database is not migrated to this version \(missing: all of them\): run DATABASE_URL=<postgres-url> npm run db:migrate first/,
      );
    });

    it("rolls everything back when a checksum differs", async () => {
      const tampered = await cluster.migratedDatabase("tampered");
      // One comment stored other than it was sent: the counts match, the checksum must not.
      await sql(
        tampered,
        `CREATE FUNCTION tamper() RETURNS trigger AS $$
       BEGIN IF NEW."body" LIKE 'Comment 1234:%' THEN NEW."body" := NEW."body" || '!'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
       CREATE TRIGGER tamper BEFORE INSERT ON "Comment" FOR EACH ROW EXECUTE FUNCTION tamper();`,
      );
      const report = await migrateSqliteToPostgres(sqliteFile, tampered);
      expect(report.ok).toBe(false);
      expect(report.tables.filter((check) => !check.ok).map((check) => check.table)).toEqual(["Comment"]);
      const comments = report.tables.find((check) => check.table === "Comment")!;
      expect(comments.postgresRows).toBe(comments.sqliteRows);
      expect(comments.postgresChecksum).not.toBe(comments.sqliteChecksum);
      expect(
        await sql(
          tampered,
          `SELECT (SELECT count(*)::int FROM "Comment") + (SELECT count(*)::int FROM "User") AS n`,
        ),
      ).toEqual([{ n: 0 }]);
    });

    it("prints its report and exits 0 on success, 1 with the reason on refusal", async () => {
      const run = promisify(execFile);
      const cli = (url: string) =>
        run("npx", ["tsx", "scripts/migrate-sqlite-to-postgres.ts", sqliteFile, url]);
      const fresh = await cluster.migratedDatabase("from_cli");
      const { stdout } = await cli(fresh);
      expect(stdout).toMatch(/^Comment +\d+ +\d+ +[0-9a-f]{16} +ok$/m);
      expect(stdout).toMatch(/Not copied \(SQLite's full-text indexes.*\): .*CommentSearch/);
      expect(stdout).toContain("every count and checksum matches; committed.");
      await expect(cli(fresh)).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/is not empty/),
      });
    }, 120_000);
  },
);
