/**
 * `npm run bench:search`: how long searches take on a generated blog, on SQLite (a
 * scratch file, data/bench/search.db) or on PostgreSQL (BENCH_DATABASE_URL, an empty
 * database: refused if it holds posts). Same corpus on both (seeded generator): posts of
 * ~400 words drawn from a Zipf-like vocabulary with a Chinese sentence in one post in
 * ten, and comments of ~40 words. Prints the median and slowest of each query.
 *
 *   BENCH_POSTS=1000 BENCH_COMMENTS_PER_POST=10 npm run bench:search
 *   BENCH_DATABASE_URL=postgresql://…/empty npm run bench:search
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { seededRandom } from "./lib/seeded-random";

const POSTS = Number(process.env.BENCH_POSTS ?? 1000);
const COMMENTS_PER_POST = Number(process.env.BENCH_COMMENTS_PER_POST ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const url = process.env.BENCH_DATABASE_URL ?? "file:./data/bench/search.db";
process.env.DATABASE_URL = url;
if (url.startsWith("file:"))
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/bench/search.db${suffix}`, { force: true });
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "ignore" });

const { db } = await import("@/lib/db");
const { searchComments, searchPosts } = await import("@/lib/data/search");
if ((await db.post.count()) > 0)
  throw new Error(`${url.split(":")[0]}: the database holds posts; give an empty one.`);

const random = seededRandom(7);
// 5,000 made-up words; word n is drawn about 1/n as often as word 1 (natural text's shape).
const VOCABULARY = Array.from({ length: 5000 }, (_, n) => `w${n.toString(36)}${"aeiou"[n % 5]}x`);
const word = () =>
  VOCABULARY[Math.floor(Math.exp(Math.log(VOCABULARY.length) * (random(1_000_000) / 1_000_000)))];
const words = (n: number) => Array.from({ length: n }, word).join(" ");
const CHINESE = "兵法有云：知己知彼，百战不殆。声东击西，出其不意。";

const started = performance.now();
for (let first = 0; first < POSTS; first += 200) {
  const count = Math.min(200, POSTS - first);
  await db.post.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      slug: `bench-${first + i}`,
      title: `${words(6)} ${first + i}`,
      standfirst: words(25),
      bodyMarkdown: `${words(200)}\n\n${(first + i) % 10 === 0 ? CHINESE : ""}${words(200)}`,
      status: "published",
      publishedAt: new Date(Date.UTC(2024, 0, 1) + (first + i) * 3_600_000),
    })),
  });
}
const postIds = (await db.post.findMany({ select: { id: true } })).map((post) => post.id);
for (let first = 0; first < postIds.length; first += 100) {
  await db.comment.createMany({
    data: postIds.slice(first, first + 100).flatMap((postId) =>
      Array.from({ length: COMMENTS_PER_POST }, (_, i) => ({
        postId,
        authorName: "Bench",
        body: `${words(40)}${i % 20 === 0 ? ` ${CHINESE}` : ""}`,
      })),
    ),
  });
}
// What autovacuum would have done by now on a live PostgreSQL (SQLite keeps no statistics unless asked).
if (!url.startsWith("file:")) await db.$executeRaw`ANALYZE`;
console.log(
  `${url.split(":")[0]}: ${POSTS} posts, ${POSTS * COMMENTS_PER_POST} comments written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const QUERIES: [string, string][] = [
  ["common word", VOCABULARY[1]],
  ["two common words", `${VOCABULARY[1]} ${VOCABULARY[2]}`],
  ["rare word", VOCABULARY[4000]],
  ["no match", "nothingmatchesthis"],
  ["Chinese, 4 characters", "声东击西"],
  ["Chinese, 2 characters", "东击"],
];
const page = { page: 1, perPage: 10 };
console.log("query                     posts median / max     comments median / max   hits");
for (const [name, query] of QUERIES) {
  const time = async (search: () => Promise<{ hits: unknown[] }>) => {
    const ms: number[] = [];
    let hits = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      hits = (await search()).hits.length;
      ms.push(performance.now() - start);
    }
    ms.sort((a, b) => a - b);
    return { median: ms[Math.floor(ms.length / 2)], max: ms[ms.length - 1], hits };
  };
  const posts = await time(() => searchPosts(query, page));
  const comments = await time(() => searchComments(query, page));
  const cell = ({ median, max }: { median: number; max: number }) =>
    `${median.toFixed(1).padStart(7)} / ${max.toFixed(1).padStart(6)} ms`;
  console.log(`${name.padEnd(24)} ${cell(posts)}   ${cell(comments)}   ${posts.hits}+${comments.hits}`);
}
await db.$disconnect();
