#!/usr/bin/env node
// `npm run bench:replies`: only the reply figures of `npm run bench:http` (round trips on
// the demo post, then 500 replies from 50 users at concurrency 50), on a fresh database
// without the generated big threads, so a change to the reply path can be measured in
// a minute. Same server, same requests, same count of what was stored.
// BENCH_DATABASE=postgresql runs it on PostgreSQL (scripts/bench/database.mjs);
// BENCH_NODE_ARGS passes Node options to the server (e.g. --cpu-prof).
import path from "node:path";
import { BIG_POSTS, generateContent, seedPost } from "./bench/data.mjs";
import { openBenchDatabase } from "./bench/database.mjs";
import { benchEnv, BENCH_DIR, DB_FILE, ORIGIN, PORT } from "./bench/env.mjs";
import {
  cpuMs,
  startProcess,
  stopAllOnInterrupt,
  stopAllSync,
  stopProcess,
  waitForHttp,
} from "./lib/processes.mjs";
import {
  BURST_CONCURRENCY,
  BURST_REPLIES,
  fetchReplyForm,
  replyBurst,
  replyRoundTrips,
} from "./bench/replies.mjs";
import { sessionCookie } from "./bench/session.mjs";
import { existsSync, rmSync } from "node:fs";
import { prepareDatabase } from "./lib/prepare.mjs";
import { run } from "./lib/run.mjs";

const REPLY_SAMPLES = Number(process.env.BENCH_REPLY_SAMPLES ?? 30);
const env = benchEnv();
const log = (message) => console.log(`[bench:replies] ${message}`);
let database = null;
stopAllOnInterrupt(() => database?.stop());

async function main() {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${DB_FILE}${suffix}`, { force: true });
  prepareDatabase(env);
  // BENCH_BIG_THREADS=1: the database also holds bench:http's 1,000- and 100,000-comment
  // threads (written by the same 50 users), as a long-lived blog's would.
  const { users } = generateContent(DB_FILE, process.env.BENCH_BIG_THREADS === "1" ? BIG_POSTS : []);
  const seed = seedPost(DB_FILE);
  database = await openBenchDatabase(env);
  log(`database: ${database.kind}`);
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID"))
    log("BENCH_SKIP_BUILD=1: reusing .next");
  else run("npx", ["next", "build"], env);

  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=data/prof": where the server's time goes.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = startProcess(process.execPath, [...nodeArgs, "server.mjs"], {
    env: { ...env, DATABASE_URL: database.url, PORT: String(PORT), HOST: "127.0.0.1" },
    logFile: path.join(BENCH_DIR, "next.log"),
  });
  await waitForHttp(`${ORIGIN}/robots.txt`, server);
  const cookies = await Promise.all(users.map((user) => sessionCookie(user, env.AUTH_SECRET)));
  const form = await fetchReplyForm({
    origin: ORIGIN,
    commentId: seed.replyTarget,
    cookie: cookies[0],
    timeoutMs: 30_000,
  });
  // Warm the action's code paths first, as a running blog's would be.
  await replyRoundTrips(cookies, form, 5, "warm-up");
  const trips = await replyRoundTrips(cookies, form, REPLY_SAMPLES, "seed");
  log(`round trip: median ${Math.round(trips.medianMs)} ms over ${trips.acknowledged}/${trips.samples}`);
  const cpuBefore = cpuMs(server.pid);
  const burst = await replyBurst(cookies, form);
  const cpuPerReply = (cpuMs(server.pid) - cpuBefore) / burst.sent;
  const stored = await database.countStored(burst.ackKeys);
  await stopProcess(server);
  log(
    `${BURST_REPLIES} replies from ${BURST_CONCURRENCY} users at concurrency ${BURST_CONCURRENCY}: ` +
      `p95 ${Math.round(burst.p95Ms)} ms, ${burst.acknowledged} acknowledged in ${burst.wallSeconds.toFixed(1)} s ` +
      `(${(burst.acknowledged / burst.wallSeconds).toFixed(1)}/s), stored once ${stored.storedOnce}, ` +
      `duplicated ${stored.duplicated}, missing ${stored.missing}; server CPU ${cpuPerReply.toFixed(1)} ms per reply` +
      (burst.failures.length ? `, failures: ${burst.failures.join(", ")}` : ""),
  );
  if (stored.storedOnce !== burst.acknowledged) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error);
    stopAllSync();
    process.exitCode = 1;
  })
  .finally(() => database?.stop());
