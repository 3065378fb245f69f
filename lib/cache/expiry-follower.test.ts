import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it, vi } from "vitest";
import { coalesce, createExpiryFollower, type ExpiryFollowerOptions } from "@/lib/cache/expiry-follower";
import { EVERYTHING_TAG } from "@/lib/cache/tags";
import { pruneCacheExpiries, recordCacheExpiry } from "@/lib/data/cache-expiries";
import { db } from "@/lib/db";
import { createDbClient, type DbClient } from "@/lib/db/client";

// Two server processes are two connections to one database: on SQLite two connections to
// one WAL file, exactly what two processes open. Each test names its own tags, so rows
// other tests leave behind never match.
const otherConnection = createDbClient();
const closing: DbClient[] = [otherConnection];
afterAll(async () => {
  await Promise.all(closing.map((client) => client.$disconnect()));
});

function instance(client: DbClient, options: Partial<ExpiryFollowerOptions> = {}) {
  const expired: string[][] = [];
  const messages: string[] = [];
  const origin = `test-${randomUUID()}`;
  const follower = createExpiryFollower({
    db: client,
    origin,
    expireHere: (tags) => expired.push([...tags].sort()),
    log: (message) => messages.push(message),
    ...options,
  });
  return { follower, expired, messages, origin };
}

const unique = (name: string) => `${name}-${randomUUID()}`;

describe("the shared cache expiry log", () => {
  it("applies what another process expired, and not what this one did", async () => {
    const [a, b] = [instance(db), instance(otherConnection)];
    await Promise.all([a.follower.poll(), b.follower.poll()]);
    const [fromA, fromB] = [[unique("a1"), unique("a2")].sort(), [unique("b")]];
    await a.follower.record(fromA);
    await b.follower.record(fromB);
    await Promise.all([a.follower.poll(), b.follower.poll()]);
    expect(a.expired).toEqual([fromB]);
    expect(b.expired).toEqual([fromA]);
    // Read once: the next poll finds nothing new.
    await Promise.all([a.follower.poll(), b.follower.poll()]);
    expect([a.expired.length, b.expired.length]).toEqual([1, 1]);
  });

  it("starts at the newest row: a process that starts later has nothing cached to expire", async () => {
    const writer = instance(db);
    await writer.follower.record([unique("before")]);
    const late = instance(otherConnection);
    await late.follower.poll();
    await late.follower.poll();
    expect(late.expired).toEqual([]);
  });

  it("reads every row written since the last poll, however many, and expires their tags at once", async () => {
    const writer = instance(db);
    const reader = instance(otherConnection, { batchSize: 3 });
    await reader.follower.poll();
    const tags = Array.from({ length: 8 }, (_, i) => unique(`row${i}`));
    for (const tag of tags) await writer.follower.record([tag]);
    await writer.follower.record([tags[0]]);
    await reader.follower.poll();
    expect(reader.expired).toEqual([[...tags].sort()]);
  });

  it("finds a row whose id was handed out before a later row's but committed after it", async () => {
    let clock = Date.now();
    const reader = instance(otherConnection, { now: () => clock, gapWaitMs: 10_000 });
    await reader.follower.poll();
    // PostgreSQL hands out the id when the row is inserted, and another row may commit
    // first. Recreated here on either database: the row is taken out, then put back.
    const early = { tags: [unique("early")], id: await recordCacheExpiry(db, ["placeholder"], "elsewhere") };
    const held = await db.cacheExpiry.delete({ where: { id: early.id } });
    const later = [unique("later")];
    await recordCacheExpiry(db, later, "elsewhere");
    await reader.follower.poll();
    expect(reader.expired).toEqual([later]);

    await db.cacheExpiry.create({ data: { ...held, tags: JSON.stringify(early.tags) } });
    clock += 5_000;
    await reader.follower.poll();
    expect(reader.expired).toEqual([later, early.tags]);
  });

  it("stops looking for a skipped id after a while (a rolled-back insert never arrives)", async () => {
    let clock = Date.now();
    const reader = instance(otherConnection, { now: () => clock, gapWaitMs: 10_000 });
    await reader.follower.poll();
    const id = await recordCacheExpiry(db, ["placeholder"], "elsewhere");
    const held = await db.cacheExpiry.delete({ where: { id } });
    await recordCacheExpiry(db, [unique("later")], "elsewhere");
    await reader.follower.poll();
    clock += 10_001;
    await reader.follower.poll();
    await db.cacheExpiry.create({ data: { ...held, tags: JSON.stringify([unique("too-late")]) } });
    await reader.follower.poll();
    expect(reader.expired).toHaveLength(1);
  });

  it("prunes rows older than it keeps", async () => {
    const old = await db.cacheExpiry.create({
      data: {
        tags: JSON.stringify([unique("old")]),
        origin: "elsewhere",
        createdAt: new Date(Date.now() - 3_600_000),
      },
      select: { id: true },
    });
    const recent = await recordCacheExpiry(db, [unique("recent")], "elsewhere");
    const follower = instance(otherConnection, { retainMs: 600_000, pruneEveryMs: 0 }).follower;
    await follower.poll();
    await vi.waitFor(async () => {
      expect(await db.cacheExpiry.findUnique({ where: { id: old.id } })).toBeNull();
    });
    expect(await db.cacheExpiry.findUnique({ where: { id: recent } })).not.toBeNull();
    expect(await pruneCacheExpiries(db, new Date(Date.now() - 600_000))).toBe(0);
  });

  it("skips rows it cannot read as a list of tags", async () => {
    const reader = instance(otherConnection);
    await reader.follower.poll();
    await db.cacheExpiry.create({ data: { tags: "not json", origin: "elsewhere" } });
    await db.cacheExpiry.create({ data: { tags: JSON.stringify([1, 2]), origin: "elsewhere" } });
    const good = [unique("good")];
    await recordCacheExpiry(db, good, "elsewhere");
    await reader.follower.poll();
    expect(reader.expired).toEqual([good]);
  });

  it("brings another process's expiry within one interval when running", async () => {
    const [a, b] = [instance(db, { intervalMs: 50 }), instance(otherConnection, { intervalMs: 50 })];
    // Both know where the log stands before anything is recorded.
    await Promise.all([a.follower.poll(), b.follower.poll()]);
    a.follower.start();
    b.follower.start();
    try {
      const tags = [unique("live")];
      const recordedAt = performance.now();
      await a.follower.record(tags);
      await vi.waitFor(() => expect(b.expired).toContainEqual(tags), { timeout: 2000, interval: 5 });
      expect(performance.now() - recordedAt).toBeLessThan(1000);
      expect(a.expired).toEqual([]);
    } finally {
      a.follower.stop();
      b.follower.stop();
    }
  });
});

describe("when the log cannot be read or written", () => {
  // A real database that fails: a fresh SQLite file without the table, migrated later.
  function brokenDatabase() {
    const dir = mkdtempSync(path.join(tmpdir(), "commonplace-expiry-"));
    const file = path.join(dir, "fresh.db");
    const client = createDbClient(`file:${file}`);
    closing.push(client);
    const migrate = () => {
      const migrations = path.resolve("prisma/sqlite/migrations");
      const folder = readdirSync(migrations).find((name) => name.endsWith("_cache_expiry"))!;
      const database = new Database(file);
      database.exec(readFileSync(path.join(migrations, folder, "migration.sql"), "utf8"));
      database.close();
    };
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    return { client, migrate };
  }

  it("says so once, keeps trying, and expires everything here once it can read again", async () => {
    const { client, migrate } = brokenDatabase();
    const follower = instance(client);
    await follower.follower.poll();
    await follower.follower.poll();
    expect(follower.messages).toHaveLength(1);
    expect(follower.messages[0]).toMatch(
      /Cannot read the shared cache expiry log .*tries again every 250 ms/,
    );

    migrate();
    await follower.follower.poll();
    expect(follower.messages[1]).toBe("The shared cache expiry log is readable again.");
    // It never knew where the log stood: whatever it cached meanwhile may be stale.
    expect(follower.expired).toEqual([[EVERYTHING_TAG]]);
    await follower.follower.poll();
    expect(follower.expired).toHaveLength(1);
  });

  it("records nothing and throws nothing when it cannot write (the change itself is done)", async () => {
    const { client } = brokenDatabase();
    const follower = instance(client);
    await expect(follower.follower.record([unique("lost")])).resolves.toBeUndefined();
    expect(follower.messages[0]).toMatch(/Could not write expired cache tags/);
  });

  it("expires everything here after reading nothing for half the time rows are kept", async () => {
    let clock = Date.now();
    const reader = instance(otherConnection, { now: () => clock, retainMs: 600_000 });
    await reader.follower.poll();
    clock += 299_000;
    await reader.follower.poll();
    expect(reader.expired).toEqual([]);
    clock += 300_001;
    await reader.follower.poll();
    expect(reader.expired).toEqual([[EVERYTHING_TAG]]);
  });

  it("writes a burst of expiries as a row or two, and each caller waits for its own", async () => {
    const [writer, reader] = [instance(db), instance(otherConnection)];
    await reader.follower.poll();
    const before = await db.cacheExpiry.count();
    // Fifty replies at once: each expires its post and the shared listings.
    const shared = unique("listing");
    const posts = Array.from({ length: 50 }, () => unique("post"));
    await Promise.all(posts.map((post) => writer.follower.record([post, shared])));
    expect(await db.cacheExpiry.count()).toBeLessThanOrEqual(before + 2);
    await reader.follower.poll();
    expect(reader.expired.flat().sort()).toEqual([...posts, shared].sort());
  });
});

describe("coalesce", () => {
  function recorder() {
    const rows: string[][] = [];
    let release: () => void = () => {};
    const write = vi.fn(async (tags: string[]) => {
      await new Promise<void>((resolve) => (release = resolve));
      rows.push(tags);
    });
    return { rows, write, release: () => release() };
  }

  it("writes at once when idle and gathers what arrives meanwhile into the next row", async () => {
    const { rows, write, release } = recorder();
    const record = coalesce(write);
    const settled: string[] = [];
    const first = record(["a"]).then(() => settled.push("a"));
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(1));
    const rest = ["b", "c", "b"].map((tag) => record([tag]).then(() => settled.push(tag)));
    release();
    await first;
    // "a" is written; "b" and "c" wait for their own row, not for "a"'s.
    expect(settled).toEqual(["a"]);
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(2));
    release();
    await Promise.all(rest);
    expect(rows).toEqual([["a"], ["b", "c"]]);
    expect(settled.sort()).toEqual(["a", "b", "b", "c"]);
  });

  it("starts a new row rather than grow one past 500 tags", async () => {
    const rows: string[][] = [];
    const record = coalesce(async (tags) => void rows.push(tags));
    const tags = (prefix: string) => Array.from({ length: 300 }, (_, i) => `${prefix}${i}`);
    await Promise.all([record(tags("x")), record(tags("y"))]);
    expect(rows.map((row) => row.length)).toEqual([300, 300]);
  });

  it("keeps writing after a write failed", async () => {
    const rows: string[][] = [];
    let fail = true;
    const record = coalesce(async (tags) => {
      if (fail) {
        fail = false;
        throw new Error("disk full");
      }
      rows.push(tags);
    });
    await expect(record(["lost"])).rejects.toThrow("disk full");
    await record(["kept"]);
    expect(rows).toEqual([["kept"]]);
  });
});
