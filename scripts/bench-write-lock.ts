/**
 * `npm run bench:write-lock`: another process (a backup, a script) holds SQLite's write
 * lock for 15 s while readers and 10 concurrent comment writers go through the real data
 * layer, on a scratch database (data/bench/). Prints read latency while the lock is
 * held, the longest event-loop stall, and how many writes were stored or refused
 * (docs/decisions/008). Knobs: BENCH_LOCK_MS, DATABASE_WRITE_WAIT_MS, BENCH_BUSY_TIMEOUT_MS.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";

const LOCK_MS = Number(process.env.BENCH_LOCK_MS ?? 15_000);
const WRITERS = 10;
const file = "data/bench/write-lock.db";
process.env.DATABASE_URL = `file:./${file}`;
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "ignore" });

const { createDbClient } = await import("@/lib/db/client");
const { config } = await import("@/lib/config");
const busyTimeoutMs =
  process.env.BENCH_BUSY_TIMEOUT_MS === undefined ? undefined : Number(process.env.BENCH_BUSY_TIMEOUT_MS);
// lib/db's shared client is the app's; a benchmark varying the busy timeout builds its own first.
(globalThis as { commonplaceDb?: unknown }).commonplaceDb = createDbClient(undefined, { busyTimeoutMs });
const { db } = await import("@/lib/db");
const { getPublishedPosts, getPostByPermalink } = await import("@/lib/data/posts");
const { createComment } = await import("@/lib/data/comment-writes");
const { isDatabaseBusy } = await import("@/lib/data/errors");
const { postPath } = await import("@/lib/posts/paths");
const { asReadable } = await import("@/lib/posts/readable");

const post = await db.post.create({
  data: {
    slug: "lock-bench",
    title: "Lock bench",
    bodyMarkdown: "x",
    status: "published",
    publishedAt: new Date(Date.now() - 60_000),
  },
  select: { id: true, slug: true, publishedAt: true },
});
const [, year, month] = postPath(asReadable(post)).split("/");
const users = await Promise.all(
  Array.from({ length: WRITERS }, (_, i) =>
    db.user.create({
      data: { email: `writer${i}@bench.test`, name: `Writer ${i}` },
      select: { id: true, name: true, role: true, createdAt: true, trustedAt: true, emailVerifiedAt: true },
    }),
  ),
);
const read = async () => {
  await getPublishedPosts({ page: 1, perPage: 5 });
  await getPostByPermalink(year, month, post.slug);
};
const reply = (i: number, key: string) =>
  createComment(
    { author: users[i], postId: post.id, parentId: null, body: `Reply ${i} ${key}`, idempotencyKey: key },
    { minIntervalSeconds: 0, perHour: 1000 },
  );
// Warm up: query shapes compiled, connection open.
await read();
await reply(0, randomUUID());
await db.comment.deleteMany({ where: { postId: post.id } });

// The lock holder is another process, as a backup or a CLI script would be.
const holder = spawn(
  process.execPath,
  [
    "-e",
    `const db = new (require("better-sqlite3"))(${JSON.stringify(file)});
     db.prepare("BEGIN IMMEDIATE").run(); console.log("locked");
     setTimeout(() => { db.prepare("COMMIT").run(); console.log("released"); }, ${LOCK_MS});`,
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
let releasedAt = Infinity;
await new Promise<void>((resolve) =>
  holder.stdout.on("data", (chunk: Buffer) => {
    if (chunk.includes("locked")) resolve();
    if (chunk.includes("released")) releasedAt = performance.now();
  }),
);
const lockedAt = performance.now();

let stall = 0;
let stallAt = 0;
let lastTick = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  if (now < releasedAt && now - lastTick > stall) [stall, stallAt] = [now - lastTick, now - lockedAt];
  lastTick = now;
}, 10);

const keys = users.map(() => randomUUID());
const writes = users.map((_, i) =>
  reply(i, keys[i]).then(
    (result) => ({
      outcome: result.ok ? "stored" : `refused: ${result.reason}`,
      at: performance.now() - lockedAt,
    }),
    (error: unknown) => ({
      outcome: isDatabaseBusy(error) ? "busy" : `error: ${String(error)}`,
      at: performance.now() - lockedAt,
    }),
  ),
);

const readLatencies: number[] = [];
while (performance.now() < releasedAt && performance.now() - lockedAt < LOCK_MS + 5000) {
  const start = performance.now();
  await read();
  if (performance.now() < releasedAt) readLatencies.push(performance.now() - start);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const results = await Promise.all(writes);
clearInterval(ticker);

const stored = await db.comment.count({ where: { postId: post.id } });
const storedPerKey = await db.comment.groupBy({
  by: ["idempotencyKey"],
  where: { postId: post.id },
  _count: true,
});
const sorted = [...readLatencies].sort((a, b) => a - b);
const pct = (p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1);
const tally = results.reduce<Record<string, number>>(
  (acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }),
  {},
);
console.log(
  `Lock held by another process for ${LOCK_MS} ms; write wait bound ${config.database.writeWaitMs} ms; busy_timeout ${busyTimeoutMs ?? "default"}.`,
);
console.log(
  `Reads during the lock: ${sorted.length} (2 queries each), p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`,
);
console.log(
  `Longest event-loop stall while locked: ${stall.toFixed(1)} ms, ending ${(stallAt / 1000).toFixed(2)} s into the lock`,
);
console.log(
  `Writes: ${JSON.stringify(tally)}; settled after ${results.map((r) => (r.at / 1000).toFixed(2)).join(", ")} s`,
);
console.log(`Comments stored: ${stored}; any stored twice: ${storedPerKey.some((row) => row._count > 1)}`);
await db.$disconnect();
