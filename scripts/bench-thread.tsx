/**
 * `npm run bench`: how long a big thread takes to load, assemble and render, through the
 * real data layer and components, on a scratch database (data/bench/). Prints figures;
 * asserts nothing about speed.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { renderToStaticMarkup } from "react-dom/server";

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 5000);
const url = "file:./data/bench/bench.db";
process.env.DATABASE_URL = url;
process.env.COMMONPLACE_COUNT_QUERIES = "1";
for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/bench/bench.db${suffix}`, { force: true });
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "ignore" });

const { db } = await import("@/lib/db");
const { sqlStatementCounter } = await import("@/lib/db/client");
const { getThreadComments } = await import("@/lib/data/comments");
const { buildCommentTree, capThreadDepth, countLiveComments } = await import("@/lib/comments/tree");
const { CommentThread, MAX_RENDERED_DEPTH } = await import("@/components/comments/comment-thread");

const post = await db.post.create({
  data: { slug: "bench", title: "Bench", bodyMarkdown: "x", status: "published", publishedAt: new Date() },
});
// A realistic shape: a third top-level, the rest replying to a random earlier comment.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const { threadPosition } = await import("@/lib/comments/tree");
const rows: { id: number; rootId: number | null; depth: number }[] = [];
for (let i = 0; i < COMMENTS; i++) {
  const parent = i === 0 || random() < 0.33 ? null : rows[Math.floor(random() * rows.length)];
  const row = await db.comment.create({
    data: {
      postId: post.id,
      parentId: parent?.id ?? null,
      ...threadPosition(parent),
      authorName: `Reader ${i}`,
      body: `Comment ${i} with a link https://example.com/${i}\n\nand a second paragraph.`,
      createdAt: new Date(Date.UTC(2024, 0, 1) + i * 1000),
    },
    select: { id: true, rootId: true, depth: true },
  });
  rows.push(row);
}

function time<T>(label: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  console.log(`${label.padEnd(34)} ${(performance.now() - start).toFixed(1).padStart(8)} ms`);
  return result;
}

for (let round = 1; round <= 3; round++) {
  console.log(`-- round ${round}, ${COMMENTS} comments`);
  const before = sqlStatementCounter.count;
  const start = performance.now();
  const comments = await getThreadComments(post.id);
  console.log(
    `${"load (getThreadComments)".padEnd(34)} ${(performance.now() - start).toFixed(1).padStart(8)} ms  (${sqlStatementCounter.count - before} SQL statement)`,
  );
  time("build tree + cap depth", () => capThreadDepth(buildCommentTree(comments), MAX_RENDERED_DEPTH));
  const html = time("render thread to HTML", () =>
    renderToStaticMarkup(
      <CommentThread comments={comments} total={countLiveComments(comments)} postPath="/2024/01/bench" />,
    ),
  );
  console.log(`${"HTML size".padEnd(34)} ${(html.length / 1024).toFixed(0).padStart(8)} KiB`);
}
const memory = process.memoryUsage();
console.log(
  `heap used ${(memory.heapUsed / 2 ** 20).toFixed(1)} MiB, rss ${(memory.rss / 2 ** 20).toFixed(1)} MiB`,
);
await db.$disconnect();
