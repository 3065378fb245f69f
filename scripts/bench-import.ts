/**
 * `npm run bench:import`: how fast and in how much memory `npm run import` moves a big blog
 * in. Generates a Blogger backup (2,000 posts, 100,000 comments in threads that run deep,
 * every post first and then every comment, as Blogger writes it: tests/support/large-export.ts),
 * imports it into a fresh database, then imports it again (nothing to write: the
 * idempotency check alone). Prints time, posts/s, comments/s and the process's peak RSS.
 *
 *   BENCH_POSTS=2000 BENCH_COMMENTS=100000 npm run bench:import
 *   BENCH_DATABASE=postgresql npm run bench:import   (a throwaway cluster, durable settings)
 *
 * Figures and the machine they came from: docs/benchmarks.md, README "Moving in".
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startPostgres } from "./lib/postgres.mjs";

const POSTS = Number(process.env.BENCH_POSTS ?? 2_000);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 100_000);
const POSTGRES = process.env.BENCH_DATABASE === "postgresql";
const DIR = path.resolve("data/bench");
const FILE = path.join(DIR, "import-large.xml");
const DB_FILE = path.join(DIR, "import.db");
const log = (message: string) => console.log(`[bench:import] ${message}`);

if (COMMENTS % POSTS !== 0) throw new Error("BENCH_COMMENTS must be a multiple of BENCH_POSTS");
mkdirSync(DIR, { recursive: true });

let cluster: Awaited<ReturnType<typeof startPostgres>> | null = null;
if (POSTGRES) {
  cluster = await startPostgres({ dir: path.join(DIR, "postgres-import"), durable: true });
  process.env.DATABASE_URL = await cluster.createDatabase("commonplace_bench_import");
} else {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + suffix, { force: true });
  process.env.DATABASE_URL = `file:${DB_FILE}`;
}

try {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "ignore" });
  const { writeLargeBloggerExport } = await import("@/tests/support/large-export");
  const { createDbClient } = await import("@/lib/db/client");
  const { importFile } = await import("@/lib/import/run");

  let started = performance.now();
  await writeLargeBloggerExport(FILE, POSTS, COMMENTS / POSTS);
  const megabytes = statSync(FILE).size / 1024 / 1024;
  log(
    `generated ${path.relative(process.cwd(), FILE)}: ${megabytes.toFixed(1)} MB, ${POSTS} posts, ${COMMENTS} comments (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  const db = createDbClient();
  const rssBefore = process.memoryUsage().rss;
  // The live JavaScript heap after each collection tells what the import holds; RSS also
  // counts what V8 keeps because nothing asked for it back (run with
  // NODE_OPTIONS=--max-old-space-size=N to see the import fit in N MB).
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 100);
  started = performance.now();
  const first = await importFile({ file: FILE, db });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  // The kernel's high-water mark for this process: generation streamed, so this is the import's.
  const peakRss = (process.resourceUsage().maxRSS * 1024) / 1024 / 1024;
  if (first.failed.length > 0 || first.imported.comments !== COMMENTS || first.imported.posts !== POSTS)
    throw new Error(`unexpected report: ${JSON.stringify({ ...first, skipped: first.skipped.length })}`);

  started = performance.now();
  const again = await importFile({ file: FILE, db });
  const againSeconds = (performance.now() - started) / 1000;
  if (again.imported.comments !== 0 || again.unchanged.comments !== COMMENTS)
    throw new Error(`the second import wrote something: ${JSON.stringify(again.imported)}`);
  await db.$disconnect();

  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  console.log(`
Import of ${megabytes.toFixed(1)} MB (${POSTS} posts, ${COMMENTS} comments) into ${POSTGRES ? "PostgreSQL (throwaway cluster, fsync on)" : "SQLite (fresh file)"}
  machine:        ${os.cpus().length} × ${cpu}, Node ${process.version}
  first import:   ${seconds.toFixed(1)} s — ${(POSTS / seconds).toFixed(0)} posts/s, ${(COMMENTS / seconds).toFixed(0)} comments/s
  peak RSS:       ${peakRss.toFixed(0)} MB (${(rssBefore / 1024 / 1024).toFixed(0)} MB before the import); JavaScript heap at most ${(peakHeap / 1024 / 1024).toFixed(0)} MB in use
  heap limit:     ${
    process.execArgv
      .concat(process.env.NODE_OPTIONS ?? "")
      .join(" ")
      .match(/--max-old-space-size=\d+/)?.[0] ?? "Node's default"
  }
  second import:  ${againSeconds.toFixed(1)} s, nothing written (${again.unchanged.posts} posts, ${again.unchanged.comments} comments found unchanged)`);
} finally {
  cluster?.stop();
}
