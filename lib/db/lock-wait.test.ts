import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DatabaseBusyError, isDatabaseBusy } from "@/lib/data/errors";
import { databaseFilePath } from "@/lib/db/url";
import { createDbClient, type DbClient } from "@/lib/db/client";
import { onPostgres } from "@/tests/support/database-provider";

// This worker's own database (tests/support/test-database.ts): holding its write lock for
// seconds slows no other test file. (PostgreSQL has no single write lock: decision 008
// is about SQLite, and these tests are skipped on it.)
const file = onPostgres ? "" : databaseFilePath(process.env.DATABASE_URL);
const LOCK_MS = 2000;

/** Another connection (a backup, a script) takes the write lock and keeps it for `ms`. */
async function holdWriteLock(ms: number): Promise<{ released: Promise<number> }> {
  const other = new Database(file);
  other.prepare("BEGIN IMMEDIATE").run();
  const released = new Promise<number>((resolve) =>
    setTimeout(() => {
      other.prepare("COMMIT").run();
      other.close();
      resolve(performance.now());
    }, ms),
  );
  return { released };
}

/** Largest gap between timer ticks while `work` runs: how long the event loop froze. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    return { result: await work(), stallMs };
  } finally {
    clearInterval(timer);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const slugsStored = (db: DbClient, slugs: string[]) => db.post.count({ where: { slug: { in: slugs } } });

/** Every kind of write the app makes: single statements, an implicit and a batch transaction, raw SQL. */
function writes(db: DbClient, tag: string) {
  const slugs = Array.from({ length: 10 }, (_, i) => `lock-${tag}-${i}-${randomUUID().slice(0, 6)}`);
  const post = (slug: string) => ({ slug, title: "Locked", bodyMarkdown: "Text." });
  const label = `lock-${tag}-${randomUUID().slice(0, 6)}`;
  const promises: Promise<unknown>[] = [
    ...slugs.slice(0, 6).map((slug) => db.post.create({ data: post(slug), select: { id: true } })),
    // A nested write runs in Prisma's implicit transaction.
    db.post.create({
      data: {
        ...post(slugs[6]),
        labels: { connectOrCreate: [{ where: { name: label }, create: { name: label, slug: label } }] },
      },
    }),
    db.$transaction([db.post.create({ data: post(slugs[7]) }), db.post.create({ data: post(slugs[8]) })]),
    db.$executeRaw`INSERT INTO "Post" ("slug", "title", "bodyMarkdown", "updatedAt") VALUES (${slugs[9]}, 'Locked', 'Text.', ${new Date()})`,
  ];
  return { slugs, promises };
}

describe.skipIf(onPostgres)("writes while another holds the write lock (SQLite only)", () => {
  it("keeps reads flowing and stores every write exactly once after the lock is released", async () => {
    const db = createDbClient(`file:${file}`, { writeWaitMs: LOCK_MS * 4 });
    try {
      await Promise.all(writes(db, "warm").promises); // connection set up, query shapes compiled
      const { released } = await holdWriteLock(LOCK_MS);
      const { slugs, promises } = writes(db, "wait");
      const writesDone = Promise.all(promises.map((p) => p.then(() => performance.now())));
      // Each write costs some milliseconds of CPU before it first meets the lock (Prisma
      // compiles and plans it); measure once they are all waiting.
      await sleep(200);
      const { result: readTimes, stallMs } = await longestStall(async () => {
        const times: number[] = [];
        for (let i = 0; i < 10; i++) {
          const start = performance.now();
          await db.post.findMany({ take: 5, select: { id: true, title: true } });
          times.push(performance.now() - start);
          await sleep(50);
        }
        return times;
      });
      const measuredUntil = performance.now();
      const releasedAt = await released;
      expect(measuredUntil).toBeLessThan(releasedAt); // all of it while the lock was held
      expect(Math.max(...readTimes)).toBeLessThan(100);
      expect(stallMs).toBeLessThan(150);
      for (const doneAt of await writesDone) expect(doneAt).toBeGreaterThanOrEqual(releasedAt);
      expect(await slugsStored(db, slugs)).toBe(10);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a write that would wait longer than the bound with DatabaseBusyError, storing nothing", async () => {
    const db = createDbClient(`file:${file}`, { writeWaitMs: 300 });
    try {
      await db.post.count();
      const { released } = await holdWriteLock(LOCK_MS);
      const start = performance.now();
      const { slugs, promises } = writes(db, "refused");
      const outcomes = await Promise.allSettled(promises);
      const refusedAfter = performance.now() - start;
      for (const outcome of outcomes) {
        expect(outcome.status).toBe("rejected");
        const reason = (outcome as PromiseRejectedResult).reason;
        expect(isDatabaseBusy(reason)).toBe(true);
        expect(reason).toBeInstanceOf(DatabaseBusyError);
      }
      expect(refusedAfter).toBeGreaterThanOrEqual(300);
      expect(refusedAfter).toBeLessThan(LOCK_MS);
      await released;
      expect(await slugsStored(db, slugs)).toBe(0);
      // The connection is healthy afterwards.
      await expect(
        db.post.create({ data: { slug: slugs[0], title: "Later", bodyMarkdown: "Text." } }),
      ).resolves.toBeDefined();
    } finally {
      await db.$disconnect();
    }
  });

  it("keeps a statement from another request out of a transaction that rolls back", async () => {
    const db = createDbClient(`file:${file}`);
    try {
      const [a, b] = [`lock-a-${randomUUID().slice(0, 6)}`, `lock-b-${randomUUID().slice(0, 6)}`];
      const [transaction, single] = await Promise.allSettled([
        db.$transaction(async (tx) => {
          await tx.post.create({ data: { slug: a, title: "A", bodyMarkdown: "Text." } });
          await sleep(100);
          throw new Error("changed my mind");
        }),
        sleep(20).then(() => db.post.create({ data: { slug: b, title: "B", bodyMarkdown: "Text." } })),
      ]);
      expect(transaction.status).toBe("rejected");
      expect(single.status).toBe("fulfilled");
      expect(await slugsStored(db, [a])).toBe(0);
      expect(await slugsStored(db, [b])).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });
});

describe.skipIf(onPostgres)("connection settings (SQLite only: pragmas)", () => {
  it("sets the pragmas before the first query, with SQLite's synchronous busy wait off", async () => {
    const db = createDbClient(`file:${file}`);
    try {
      const value = (rows: Record<string, unknown>[]) => Object.values(rows[0])[0];
      expect(value(await db.$queryRaw`PRAGMA foreign_keys`)).toBe(1n);
      expect(value(await db.$queryRaw`PRAGMA busy_timeout`)).toBe(0n);
      expect(value(await db.$queryRaw`PRAGMA journal_mode`)).toBe("wal");
      expect(value(await db.$queryRaw`PRAGMA synchronous`)).toBe(1n);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("isDatabaseBusy", () => {
  it("recognises the busy error, also when wrapped, and nothing else", () => {
    const busy = new DatabaseBusyError();
    expect(isDatabaseBusy(busy)).toBe(true);
    expect(isDatabaseBusy(new Error("saving failed", { cause: busy }))).toBe(true);
    expect(isDatabaseBusy(new Error("database is locked"))).toBe(false);
    expect(isDatabaseBusy({ code: "P2002" })).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
    expect(isDatabaseBusy("DATABASE_BUSY")).toBe(false);
  });
});
