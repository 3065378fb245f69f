/**
 * `npm run bench:views`: how fast views are accepted and written through the real
 * counter buffer (lib/data/counter-buffer.ts), on a scratch database (data/bench/).
 * Prints figures; asserts only that nothing was counted twice.
 *
 *   BENCH_VIEWS=100000 BENCH_VISITORS=20000 BENCH_POSTS=20 BENCH_CONCURRENCY=200 npm run bench:views
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { seededRandom } from "./lib/seeded-random";

const VIEWS = Number(process.env.BENCH_VIEWS ?? 100_000);
const VISITORS = Number(process.env.BENCH_VISITORS ?? 20_000);
const POSTS = Number(process.env.BENCH_POSTS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const url = "file:./data/bench/views.db";
process.env.DATABASE_URL = url;
for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/bench/views.db${suffix}`, { force: true });
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "ignore" });

const { db } = await import("@/lib/db");
const { CounterBuffer } = await import("@/lib/data/counter-buffer");
type BatchReport = import("@/lib/data/counter-buffer").BatchReport;
const { dayKey } = await import("@/lib/text/dates");

const day = dayKey(new Date());
const postIds: number[] = [];
for (let i = 0; i < POSTS; i++) {
  const post = await db.post.create({
    data: {
      slug: `bench-${i}`,
      title: `Bench ${i}`,
      bodyMarkdown: "x",
      status: "published",
      publishedAt: new Date(0),
    },
    select: { id: true },
  });
  postIds.push(post.id);
}
// Visitors with realistic 43-character HMAC-like hashes.
const visitorOf = (n: number, round: string) => ({ day, hash: `${round}-${n}-`.padEnd(43, "x") });
const random = seededRandom(42);

const ms = (n: number) => n.toFixed(1).padStart(7);

/** The event loop's lateness, sampled by a 1 ms ticker: how long anything blocked it. */
function loopMonitor() {
  const lags: number[] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - last - 1));
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(ticker);
      // A run that never yields to timers (promises only) would otherwise show no delay.
      lags.push(Math.max(0, performance.now() - last - 1));
      lags.sort((a, b) => a - b);
      const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] ?? 0;
      return `p50 ${ms(at(0.5))} ms, p99 ${ms(at(0.99))} ms, max ${ms(lags.at(-1) ?? 0)} ms`;
    },
  };
}

function summarize(label: string, batches: BatchReport[]) {
  if (batches.length === 0) return console.log(`${label}: no batches`);
  const worst = batches.reduce((a, b) => (a.insertMs + a.updateMs > b.insertMs + b.updateMs ? a : b));
  const avg = batches.reduce((sum, b) => sum + b.insertMs + b.updateMs, 0) / batches.length;
  const rows = batches.reduce((sum, b) => sum + b.rows, 0);
  const statements = batches.reduce((sum, b) => sum + b.statements, 0);
  console.log(
    `${label}: ${batches.length} batches, ${rows} rows in ${statements} INSERTs, avg ${ms(avg)} ms/batch, worst ${ms(worst.insertMs + worst.updateMs)} ms (${worst.rows} rows: insert ${worst.insertMs.toFixed(1)} + update ${worst.updateMs.toFixed(1)})`,
  );
}

async function run(workers: number, total: number, work: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total) await work(next++);
    }),
  );
}

// 1. Sustained load: record as fast as possible while the 1 s timer flushes.
{
  const batches: BatchReport[] = [];
  const views = new CounterBuffer("view", { onBatch: (b) => batches.push(b) });
  const loop = loopMonitor();
  const start = performance.now();
  await run(CONCURRENCY, VIEWS, () =>
    views.record(postIds[random(POSTS)], visitorOf(random(VISITORS), "load")),
  );
  const seconds = (performance.now() - start) / 1000;
  await views.flush();
  const lag = loop.stop();
  console.log(
    `-- sustained: ${VIEWS} views from ${VISITORS} visitors over ${POSTS} posts, ${CONCURRENCY} in flight`,
  );
  console.log(
    `accepted: ${Math.round(VIEWS / seconds)} views/s (${seconds.toFixed(2)} s); buffer dropped ${views.dropped}`,
  );
  summarize("flushes", batches);
  console.log(`event-loop delay over the run: ${lag}`);
}

// 2. One flush of a full batch, alone, with a ticker measuring how long the loop is blocked.
for (const [label, round] of [
  ["2,000 new visitors", "fresh"],
  ["2,000 already counted", "dup"],
] as const) {
  const batches: BatchReport[] = [];
  const views = new CounterBuffer("view", {
    intervalMs: 3_600_000,
    batchSize: 2001,
    onBatch: (b) => batches.push(b),
  });
  const fill = Array.from({ length: 2000 }, (_, n) => ({
    postId: postIds[n % POSTS],
    visitor: visitorOf(n, round),
  }));
  await Promise.all(fill.map(({ postId, visitor }) => views.record(postId, visitor)));
  if (label.includes("already")) {
    // Another instance (or the process before a restart) wrote the same visitors first.
    const again = new CounterBuffer("view", { intervalMs: 3_600_000, batchSize: 2001 });
    await Promise.all(fill.map(({ postId, visitor }) => again.record(postId, visitor)));
    await again.flush();
  }
  const loop = loopMonitor();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const start = performance.now();
  await views.flush();
  const total = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 20));
  console.log(
    `-- one flush, ${label}: ${ms(total)} ms total, inserted ${batches[0]?.inserted ?? 0}; event-loop delay ${loop.stop()}`,
  );
  summarize("  batch", batches);
}

// 3. For comparison: the previous write path, two statements per counted view.
{
  const count = Math.min(VIEWS, 20_000);
  const loop = loopMonitor();
  const start = performance.now();
  await run(CONCURRENCY, count, async (i) => {
    const postId = postIds[i % POSTS];
    const inserted = await db.$executeRaw`
      INSERT INTO "PostVisit" ("postId", "kind", "day", "visitorHash") VALUES (${postId}, 'view', ${day}, ${`old-${i}`}) ON CONFLICT DO NOTHING`;
    if (inserted === 1)
      await db.$executeRaw`UPDATE "Post" SET "viewCount" = "viewCount" + 1 WHERE "id" = ${postId}`;
  });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `-- previous path (INSERT + UPDATE per view, all new visitors): ${Math.round(count / seconds)} views/s; event-loop delay ${loop.stop()}`,
  );
}

const [{ counted, rows }] = await db.$queryRaw<{ counted: bigint | number; rows: bigint | number }[]>`
  SELECT (SELECT SUM("viewCount") FROM "Post") AS counted, (SELECT COUNT(*) FROM "PostVisit" WHERE "kind" = 'view') AS rows`;
console.log(
  `check: viewCount total ${counted} = view visit rows ${rows}: ${Number(counted) === Number(rows) ? "ok" : "MISMATCH"}`,
);
const memory = process.memoryUsage();
console.log(
  `heap used ${(memory.heapUsed / 2 ** 20).toFixed(1)} MiB, rss ${(memory.rss / 2 ** 20).toFixed(1)} MiB`,
);
await db.$disconnect();
