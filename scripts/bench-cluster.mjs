#!/usr/bin/env node
// `npm run bench:cluster`: the production recipe (README "Running in production") under
// load — nginx from docs/nginx/commonplace.conf balancing one, then two instances of
// server.mjs serving one build on one PostgreSQL — measured through nginx, the same
// requests each time, so the figures say what a second instance buys on this machine.
// Then, with two instances, one is killed (SIGKILL) in the middle of a read load and of
// a reply burst: what readers and writers saw, and whether every acknowledged reply was
// stored exactly once. Prints a table; writes data/bench/cluster.json.
//
// What goes through nginx to the instances: signed-in readers (a session cookie
// bypasses nginx's cache; server.mjs's page cache answers), /api/viewer (a per-viewer
// route handler reading the session), a search (rendered per request, with a database
// query) and replies (the no-JavaScript server action). Anonymous readers are answered
// by nginx's microcache whatever the instance count: `npm run bench:http` measures that.
// Settings: BENCH_DURATION (8 s per load), BENCH_CONNECTIONS (16), BENCH_SKIP_BUILD=1,
// BENCH_INSTANCES ("1,2": the instance counts compared).
import { readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { BIG_POSTS, generateContent, seedPost } from "./bench/data.mjs";
import { openBenchDatabase } from "./bench/database.mjs";
import {
  benchEnv,
  BENCH_DIR,
  CONNECTIONS,
  DB_FILE,
  DURATION,
  machine,
  NGINX_PORT,
  PORT,
} from "./bench/env.mjs";
import { measure } from "./bench/load.mjs";
import { fetchReplyForm, postReply, replyBurst, replyRoundTrips } from "./bench/replies.mjs";
import { SESSION_COOKIE, sessionCookie } from "./bench/session.mjs";
import { nginxBinary, renderSite, startNginx } from "./lib/nginx.mjs";
import { prepareDatabase } from "./lib/prepare.mjs";
import {
  cpuMs,
  startProcess,
  stopAllOnInterrupt,
  stopAllSync,
  stopProcess,
  waitForHttp,
} from "./lib/processes.mjs";
import { run } from "./lib/run.mjs";

const INSTANCE_COUNTS = (process.env.BENCH_INSTANCES ?? "1,2").split(",").map(Number);
const ORIGIN = `http://127.0.0.1:${NGINX_PORT}`;
const FIRST_APP_PORT = PORT + 10;
const NGINX_PREFIX = path.join(BENCH_DIR, "nginx-cluster");
const POST_1K = BIG_POSTS[0];
/** Writers replying, one after another each, while an instance is killed. */
const KILL_WRITERS = 10;

const env = benchEnv();
const log = (message) => console.log(`[bench:cluster] ${message}`);
let database = null;
stopAllOnInterrupt(() => database?.stop());

/** `count` instances of server.mjs and nginx in front: what cluster:demo starts, for a bench. */
async function startCluster(count) {
  const instances = [];
  for (let i = 0; i < count; i++) {
    const name = String.fromCharCode(97 + i);
    const port = FIRST_APP_PORT + i;
    const child = startProcess(process.execPath, ["server.mjs"], {
      env: {
        ...env,
        DATABASE_URL: database.url,
        PORT: String(port),
        HOST: "127.0.0.1",
        INSTANCE_NAME: name,
        SITE_URL: ORIGIN,
        AUTH_URL: ORIGIN,
      },
      logFile: path.join(BENCH_DIR, `cluster-${name}.log`),
    });
    instances.push({ name, port, child });
  }
  for (const { port, child } of instances) await waitForHttp(`http://127.0.0.1:${port}/api/health`, child);
  const nginx = startNginx({
    prefix: NGINX_PREFIX,
    site: renderSite({
      upstreams: instances.map(({ port }) => `127.0.0.1:${port}`),
      listen: `127.0.0.1:${NGINX_PORT}`,
      cacheDir: path.join(NGINX_PREFIX, "cache"),
    }),
    accessLog: true,
    logFile: path.join(BENCH_DIR, "nginx-cluster.log"),
  });
  await waitForHttp(`${ORIGIN}/api/health`, nginx, 10_000);
  return { instances, nginx };
}

async function stopCluster({ instances, nginx }) {
  await stopProcess(nginx);
  await Promise.all(instances.map(({ child }) => stopProcess(child)));
}

/** Requests per upstream in nginx's access log, for lines matching `pattern`. */
function upstreamShares(pattern) {
  const file = path.join(NGINX_PREFIX, "logs/access.log");
  if (!existsSync(file)) return {};
  const shares = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!pattern.test(line)) continue;
    const upstream = line.match(/upstream=(\S+)/)?.[1] ?? "-";
    shares[upstream] = (shares[upstream] ?? 0) + 1;
  }
  return shares;
}

function summary(result) {
  return `${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`;
}

/** The same loads for each instance count. */
async function measureCluster(count, { cookies, seed, readerCookie }) {
  const cluster = await startCluster(count);
  log(`${count} instance(s) behind nginx on ${ORIGIN}`);
  const targets = [
    { key: "signedInSeed", label: "signed-in reader, seed post", path: seed.path },
    { key: "signedIn1k", label: "signed-in reader, 1,000-comment post", path: POST_1K.path },
    { key: "viewer", label: "GET /api/viewer (per viewer)", path: "/api/viewer" },
    { key: "search", label: "search (rendered per request)", path: "/search?q=defence" },
  ];
  const loads = {};
  for (const target of targets) {
    const headers = { cookie: readerCookie };
    await fetch(`${ORIGIN}${target.path}`, { headers }).then((r) => r.arrayBuffer()); // warm
    const cpuBefore = cluster.instances.map(({ child }) => cpuMs(child.pid));
    loads[target.key] = { label: target.label, ...(await measure(`${ORIGIN}${target.path}`, { headers })) };
    loads[target.key].cpuShare = cluster.instances.map(
      ({ name, child }, i) => `${name} ${Math.round(cpuMs(child.pid) - cpuBefore[i])} ms`,
    );
    log(`  ${target.label}: ${summary(loads[target.key])} (CPU ${loads[target.key].cpuShare.join(", ")})`);
  }

  const form = await fetchReplyForm({
    origin: ORIGIN,
    commentId: seed.replyTarget,
    cookie: cookies[0],
    timeoutMs: 30_000,
  });
  await replyRoundTrips(cookies, form, 5, `warm-up-${count}`);
  const trips = await replyRoundTrips(cookies, form, 30, `cluster-${count}`);
  const cpuBefore = cluster.instances.map(({ child }) => cpuMs(child.pid));
  const burst = await replyBurst(cookies, form);
  const cpuTotal = cluster.instances.reduce((sum, { child }, i) => sum + cpuMs(child.pid) - cpuBefore[i], 0);
  const stored = await database.countStored([...trips.ackKeys, ...burst.ackKeys]);
  const replies = {
    roundTripMedianMs: trips.medianMs,
    burst: {
      sent: burst.sent,
      acknowledged: burst.acknowledged,
      p95Ms: burst.p95Ms,
      perSecond: burst.sent / burst.wallSeconds,
      failures: burst.failures,
      cpuMsPerReply: cpuTotal / burst.sent,
    },
    stored,
    upstreams: upstreamShares(/"POST /),
  };
  log(
    `  replies: round trip ${Math.round(trips.medianMs)} ms; ${burst.sent} at concurrency 50: p95 ${Math.round(burst.p95Ms)} ms, ${replies.burst.perSecond.toFixed(1)}/s, ` +
      `${burst.acknowledged} acknowledged, stored once ${stored.storedOnce}, twice+ ${stored.duplicated}, missing ${stored.missing}; POSTs per instance ${JSON.stringify(replies.upstreams)}`,
  );
  return { cluster, loads, replies, form };
}

/**
 * Two instances; one is killed 3 s into a read load while writers keep replying. A
 * writer whose reply fails sends it again with the same idempotency key (what the reply
 * form does when the browser resubmits): every reply must end up stored exactly once.
 */
async function killOneInstance({ cluster, form, cookies, readerCookie, seed }) {
  const victim = cluster.instances[1];
  const timer = setTimeout(() => {
    log(`  SIGKILL instance ${victim.name} (pid ${victim.child.pid})`);
    process.kill(-victim.child.pid, "SIGKILL");
  }, 3000);
  const startedAt = Date.now();
  const writing = Promise.all(
    Array.from({ length: KILL_WRITERS }, async (_, writer) => {
      const mine = [];
      for (let i = 0; Date.now() - startedAt < DURATION * 1000; i++) {
        const body = `Through the kill ${writer}/${i} ${Math.random()}`;
        let attempt = await postReply({ origin: ORIGIN, replyForm: form, cookie: cookies[writer], body });
        let tries = 1;
        while (!attempt.ok && tries < 3) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          attempt = await postReply({
            origin: ORIGIN,
            replyForm: form,
            cookie: cookies[writer],
            body,
            key: attempt.key,
          });
          tries += 1;
        }
        mine.push({ ...attempt, tries });
      }
      return mine;
    }),
  );
  const readers = await measure(`${ORIGIN}${seed.path}`, { headers: { cookie: readerCookie } });
  const results = (await writing).flat();
  clearTimeout(timer);
  log(`  readers while instance ${victim.name} died: ${summary(readers)}`);

  const acknowledged = results.filter((r) => r.ok);
  const stored = await database.countStored(acknowledged.map((r) => r.key));
  const writers = {
    sent: results.length,
    acknowledged: acknowledged.length,
    resent: results.filter((r) => r.tries > 1).length,
    failures: [...new Set(results.filter((r) => !r.ok).map((r) => r.status))],
    stored,
  };
  log(
    `  writers: ${writers.acknowledged}/${writers.sent} replies acknowledged (${writers.resent} sent again), stored once ${stored.storedOnce}, duplicated ${stored.duplicated}, missing ${stored.missing}`,
  );
  return { readers, writers };
}

async function main() {
  if (!nginxBinary()) throw new Error("nginx is not installed (Debian: apt-get install nginx).");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${DB_FILE}${suffix}`, { force: true });
  prepareDatabase(env);
  const { users } = generateContent(DB_FILE, [POST_1K]);
  const seed = seedPost(DB_FILE);
  database = await openBenchDatabase(env, "postgresql");
  log(`database: ${database.kind}`);
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID"))
    log("BENCH_SKIP_BUILD=1: reusing .next");
  else run("npx", ["next", "build"], env);

  const cookies = await Promise.all(users.map((user) => sessionCookie(user, env.AUTH_SECRET)));
  // A signed-in reader: session cookie plus the hint the browser keeps beside it.
  const readerCookie = `${cookies[0]}; cp_signed_in=1`;
  if (!readerCookie.startsWith(SESSION_COOKIE)) throw new Error("unexpected session cookie name");

  const runs = {};
  let lastRun = null;
  for (const count of INSTANCE_COUNTS) {
    if (lastRun) await stopCluster(lastRun.cluster);
    lastRun = await measureCluster(count, { cookies, seed, readerCookie });
    runs[count] = { loads: lastRun.loads, replies: lastRun.replies };
  }
  let failover = { skipped: "needs two instances" };
  if (lastRun.cluster.instances.length >= 2) {
    log("failover: kill one of two instances under load");
    failover = await killOneInstance({ ...lastRun, cookies, readerCookie, seed });
  }
  await stopCluster(lastRun.cluster);

  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    database: database.kind,
    settings: { connections: CONNECTIONS, durationSeconds: DURATION, instanceCounts: INSTANCE_COUNTS },
    runs,
    failover,
  };
  writeFileSync(path.join(BENCH_DIR, "cluster.json"), `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
}

function printTable({ machine: m, runs, failover, settings }) {
  const counts = Object.keys(runs);
  const row = (cells) => `| ${cells.join(" | ")} |`;
  const lines = [
    `\nnginx + ${counts.join(" vs ")} instance(s) on PostgreSQL — ${m.nproc} CPU ${m.cpu}, Node ${m.node}; ${settings.connections} connections, ${settings.durationSeconds} s each`,
    row(["through nginx", ...counts.map((c) => `${c} instance(s)`)]),
    row(["---", ...counts.map(() => "---")]),
  ];
  for (const key of Object.keys(runs[counts[0]].loads)) {
    lines.push(
      row([
        runs[counts[0]].loads[key].label + ", req/s (p99)",
        ...counts.map((c) => `${Math.round(runs[c].loads[key].rps)} (${runs[c].loads[key].p99} ms)`),
      ]),
    );
  }
  lines.push(
    row([
      "reply round trip, median",
      ...counts.map((c) => `${Math.round(runs[c].replies.roundTripMedianMs)} ms`),
    ]),
    row([
      "500 replies at concurrency 50: p95, replies/s",
      ...counts.map(
        (c) =>
          `${Math.round(runs[c].replies.burst.p95Ms)} ms, ${runs[c].replies.burst.perSecond.toFixed(1)}/s`,
      ),
    ]),
    row([
      "acknowledged / stored once / duplicated / missing",
      ...counts.map((c) => {
        const { burst, stored } = runs[c].replies;
        return `${burst.acknowledged}+30 / ${stored.storedOnce} / ${stored.duplicated} / ${stored.missing}`;
      }),
    ]),
    row([
      "server CPU per reply (all instances)",
      ...counts.map((c) => `${runs[c].replies.burst.cpuMsPerReply.toFixed(1)} ms`),
    ]),
  );
  if (failover.readers) {
    const { readers, writers } = failover;
    lines.push(
      `\nKilling one of two instances 3 s into an ${settings.durationSeconds} s read load (signed-in readers): ${Math.round(readers.rps)} req/s, ${readers.requests} requests, non-2xx ${readers.non2xx}, errors ${readers.errors}, timeouts ${readers.timeouts}.`,
      `Meanwhile ${KILL_WRITERS} writers sent ${writers.sent} replies (a failed one sent again with its key, up to 3 times): ${writers.acknowledged} acknowledged, ${writers.resent} needed a resend; stored once ${writers.stored.storedOnce}, duplicated ${writers.stored.duplicated}, missing ${writers.stored.missing}; failures ${JSON.stringify(writers.failures)}.`,
    );
  }
  console.log(lines.join("\n"));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    stopAllSync();
    database?.stop();
  });
