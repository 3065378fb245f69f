#!/usr/bin/env node
// `npm run bench:live`: what open live threads cost (docs/decisions/038). Starts the
// production server (server.mjs) on a fresh seeded database, measures the demo post's
// throughput with autocannon, opens BENCH_LIVE_STREAMS (1,000) Server-Sent Events
// streams on that post from 127.0.0.1, measures the post again with them open, then
// publishes comments one at a time and measures the fan-out: from the moment the reply
// is sent until every stream has its event. Prints server memory (RSS) and CPU at rest
// with and without the streams. BENCH_SKIP_BUILD=1 reuses .next; BENCH_DATABASE=postgresql
// runs it on PostgreSQL (scripts/bench/database.mjs).
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { readFileSync, existsSync, rmSync } from "node:fs";
import { generateContent, seedPost } from "./bench/data.mjs";
import { openBenchDatabase } from "./bench/database.mjs";
import { benchEnv, BENCH_DIR, CONNECTIONS, DB_FILE, DURATION, ORIGIN, PORT, machine } from "./bench/env.mjs";
import { measure } from "./bench/load.mjs";
import { fetchReplyForm, percentile, postReply } from "./bench/replies.mjs";
import { sessionCookie } from "./bench/session.mjs";
import {
  cpuMs,
  startProcess,
  stopAllOnInterrupt,
  stopAllSync,
  stopProcess,
  waitForHttp,
} from "./lib/processes.mjs";
import { prepareDatabase } from "./lib/prepare.mjs";
import { run } from "./lib/run.mjs";

const STREAMS = Number(process.env.BENCH_LIVE_STREAMS ?? 1000);
const COMMENTS = Number(process.env.BENCH_LIVE_COMMENTS ?? 10);
/** Streams being opened at once: the server is not measured on a connection storm. */
const OPENING_AT_ONCE = 50;
const REST_MS = 5000;
const env = benchEnv();
const log = (message) => console.log(`[bench:live] ${message}`);
let database = null;
stopAllOnInterrupt(() => database?.stop());

function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Math.round(Number(line.replace(/\D+/g, "")) / 1024);
}

async function cpuAtRest(pid) {
  const before = cpuMs(pid);
  await new Promise((resolve) => setTimeout(resolve, REST_MS));
  return ((cpuMs(pid) - before) / REST_MS) * 100;
}

/** One SSE stream; calls onEvent(commentId, receivedAt) for each comment event. */
function openStream(url, onEvent) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers: { accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`stream answered ${response.statusCode}`));
        return;
      }
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (data) onEvent(JSON.parse(data).comment.id, performance.now());
        }
      });
      resolve({ close: () => request.destroy() });
    });
    request.on("error", reject);
  });
}

async function openStreams(url, count, onEvent) {
  const streams = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: OPENING_AT_ONCE }, async () => {
      while (next < count) {
        next++;
        streams.push(await openStream(url, onEvent));
      }
    }),
  );
  return streams;
}

async function main() {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${DB_FILE}${suffix}`, { force: true });
  prepareDatabase(env);
  const { users } = generateContent(DB_FILE, []);
  const seed = seedPost(DB_FILE);
  database = await openBenchDatabase(env);
  const m = machine();
  log(`database: ${database.kind}; ${m.nproc} CPUs (${m.cpu}), node ${m.node}`);
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID"))
    log("BENCH_SKIP_BUILD=1: reusing .next");
  else run("npx", ["next", "build"], env);

  const server = startProcess(process.execPath, ["server.mjs"], {
    env: {
      ...env,
      DATABASE_URL: database.url,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      // Every stream comes from this machine's one address.
      LIVE_MAX_STREAMS_PER_IP: "0",
      LIVE_MAX_STREAMS: String(Math.max(2000, STREAMS)),
    },
    logFile: path.join(BENCH_DIR, "next.log"),
  });
  await waitForHttp(`${ORIGIN}/robots.txt`, server);
  const pageUrl = ORIGIN + seed.path;
  await measure(pageUrl, { duration: 4 }); // warm-up
  const rssIdle = rssMb(server.pid);
  const cpuIdle = await cpuAtRest(server.pid);
  const without = await measure(pageUrl);
  log(
    `post page, no streams: ${Math.round(without.rps)} req/s, p50 ${without.p50} ms, p99 ${without.p99} ms ` +
      `(${CONNECTIONS} connections, ${DURATION} s); RSS ${rssIdle} MB; CPU at rest ${cpuIdle.toFixed(1)} %`,
  );

  const received = new Map(); // commentId -> receive times
  const opening = performance.now();
  const streams = await openStreams(`${ORIGIN}/api/posts/${seed.id}/live`, STREAMS, (commentId, at) => {
    let times = received.get(commentId);
    if (!times) received.set(commentId, (times = []));
    times.push(at);
  });
  log(`${streams.length} streams open in ${Math.round(performance.now() - opening)} ms`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssStreams = rssMb(server.pid);
  const cpuStreams = await cpuAtRest(server.pid);
  const withStreams = await measure(pageUrl);
  log(
    `post page, ${streams.length} streams open: ${Math.round(withStreams.rps)} req/s, p50 ${withStreams.p50} ms, ` +
      `p99 ${withStreams.p99} ms; RSS ${rssStreams} MB (+${rssStreams - rssIdle}); CPU at rest ${cpuStreams.toFixed(1)} %`,
  );

  const cookie = await sessionCookie(users[0], env.AUTH_SECRET);
  const form = await fetchReplyForm({
    origin: ORIGIN,
    commentId: seed.replyTarget,
    cookie,
    timeoutMs: 30_000,
  });
  const toAll = [];
  const toHalf = [];
  const acks = [];
  for (let i = 0; i < COMMENTS; i++) {
    const sent = performance.now();
    const reply = await postReply({
      origin: ORIGIN,
      replyForm: form,
      cookie,
      body: `Live bench ${i} ${Date.now()}`,
    });
    if (!reply.ok) throw new Error(`reply failed: ${reply.status}`);
    acks.push(reply.ms);
    const deadline = performance.now() + 15_000;
    while ((received.get(reply.commentId)?.length ?? 0) < streams.length && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const times = received.get(reply.commentId) ?? [];
    if (times.length < streams.length)
      throw new Error(`only ${times.length}/${streams.length} streams got comment ${i}`);
    toAll.push(Math.max(...times) - sent);
    toHalf.push(percentile(times, 50) - sent);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const duplicated = [...received.values()].filter((times) => times.length > streams.length).length;
  if (COMMENTS > 0)
    log(
      `fan-out of ${COMMENTS} comments to ${streams.length} streams, from sending the reply: ` +
        `every stream median ${Math.round(percentile(toAll, 50))} ms (max ${Math.round(Math.max(...toAll))} ms), ` +
        `half the streams median ${Math.round(percentile(toHalf, 50))} ms; reply acknowledged median ` +
        `${Math.round(percentile(acks, 50))} ms; events received twice: ${duplicated}`,
    );
  for (const stream of streams) stream.close();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const cpuAfter = await cpuAtRest(server.pid);
  // Measured again: the first figure is also the least warmed-up one.
  const again = await measure(pageUrl);
  log(
    `post page, streams closed again: ${Math.round(again.rps)} req/s, p50 ${again.p50} ms, p99 ${again.p99} ms; ` +
      `CPU at rest before it ${cpuAfter.toFixed(1)} %, RSS ${rssMb(server.pid)} MB`,
  );
  await stopProcess(server);
  if (duplicated > 0) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error);
    stopAllSync();
    process.exitCode = 1;
  })
  .finally(() => database?.stop());
