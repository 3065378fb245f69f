#!/usr/bin/env node
// `npm run bench:http`: a production build on a fresh database (the demo post plus
// generated 1,000- and 100,000-comment posts), measured over HTTP with autocannon, with
// the same HTML served as a static file (and through the documented nginx cache) as the
// ceiling. Prints a table with the targets; writes data/bench/results.json. Details:
// docs/benchmarks.md. BENCH_DATABASE=postgresql runs the server on PostgreSQL (the same
// content, copied from the generated file: scripts/bench/database.mjs).
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./lib/prepare.mjs";
import { run } from "./lib/run.mjs";
import { BIG_POSTS, generateContent, SEED_PATH, seedPost } from "./bench/data.mjs";
import { openBenchDatabase } from "./bench/database.mjs";
import {
  benchEnv,
  BENCH_DIR,
  CONNECTIONS,
  DB_FILE,
  DURATION,
  NGINX_PORT,
  ORIGIN,
  PORT,
  machine,
  ROOT,
} from "./bench/env.mjs";
import { measure, scriptWeight, timedGet } from "./bench/load.mjs";
import { nginxAvailable, startNginx, STATIC_PORT } from "./bench/nginx.mjs";
import { startProcess, stopAllOnInterrupt, stopAllSync, stopProcess, waitForHttp } from "./lib/processes.mjs";
import {
  BURST_CONCURRENCY,
  BURST_REPLIES,
  fetchReplyForm,
  percentile,
  replyBurst,
  replyRoundTrips,
} from "./bench/replies.mjs";
import { printReport } from "./bench/report.mjs";
import { sessionCookie } from "./bench/session.mjs";

const REPLY_SAMPLES = Number(process.env.BENCH_REPLY_SAMPLES ?? 30);
/** Above this single-view time the 100k page is not put under load (it would only queue). */
const SLOW_PAGE_MS = Number(process.env.BENCH_SLOW_PAGE_MS ?? 2000);
const STATIC_DIR = path.join(ROOT, "public/__bench");

const env = benchEnv();
const log = (message) => console.log(`[bench] ${message}`);
let server = null;
let database = null;

function cleanUp() {
  stopAllSync();
  database?.stop();
  rmSync(STATIC_DIR, { recursive: true, force: true });
}
stopAllOnInterrupt(cleanUp);

/** The production server (server.mjs); without its page cache it is Next's handler alone. */
async function startServer({ pageCache }) {
  const child = startProcess(process.execPath, ["server.mjs"], {
    env: {
      ...env,
      DATABASE_URL: database.url,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      PAGE_CACHE_TTL_MS: pageCache ? "1000" : "0",
    },
    logFile: path.join(BENCH_DIR, "next.log"),
  });
  await waitForHttp(`${ORIGIN}/robots.txt`, child);
  return child;
}

function prepare() {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${DB_FILE}${suffix}`, { force: true });
  log(`fresh database ${path.relative(ROOT, DB_FILE)}: migrate + demo seed`);
  prepareDatabase(env);
  const started = Date.now();
  const content = generateContent(DB_FILE, BIG_POSTS);
  log(
    `generated ${BIG_POSTS.map((p) => p.comments.toLocaleString("en-US")).join(" + ")} comments and ${content.users.length} users in ${((Date.now() - started) / 1000).toFixed(1)} s (rootId/depth columns: ${content.withTree ? "filled" : "absent"})`,
  );
  return { ...content, seed: seedPost(DB_FILE, SEED_PATH) };
}

/** Waits (up to 15 min) until the server answers a trivial request within 200 ms. */
async function waitUntilIdle() {
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    const probe = await timedGet(`${ORIGIN}/robots.txt`, { timeoutMs: 600_000 });
    if (!probe.timeout && probe.ms < 200) return;
    log(`server still busy (robots.txt took ${Math.round(probe.ms)} ms)`);
  }
  throw new Error("The server stayed busy for 15 minutes.");
}

/** Median single-view time of `url` over `times` GETs; stops early on a slow page. */
async function singleViews(url, times) {
  const views = [];
  for (let i = 0; i < times; i++) {
    const view = await timedGet(url);
    views.push(view);
    if (view.timeout || view.ms > 20_000) break;
  }
  const done = views.filter((v) => !v.timeout);
  return {
    first: views[0],
    medianMs: done.length
      ? percentile(
          done.map((v) => v.ms),
          50,
        )
      : null,
    timeout: views.some((v) => v.timeout),
    last: done.at(-1),
  };
}

function findLoadMore(html) {
  const comments = html.slice(Math.max(0, html.indexOf('id="comments"')));
  const next =
    comments.match(/<a\b[^>]*\brel="next"[^>]*>/) ??
    comments.match(/<a\b[^>]*href="([^"]+)"[^>]*>(?:(?!<\/a>)[\s\S])*?(Load more comments|Older comments)/i);
  const href = next?.[0].match(/href="([^"]+)"/)?.[1];
  return href ? href.replace(/&amp;/g, "&") : null;
}

async function main() {
  const content = prepare();
  database = await openBenchDatabase(env);
  log(`database: ${database.kind}`);
  const posts = { seed: content.seed, ...Object.fromEntries(content.posts.map((p) => [p.key, p])) };

  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID"))
    log("BENCH_SKIP_BUILD=1: reusing .next");
  else run("npx", ["next", "build"], env);

  // First start without the page cache: what Next alone costs per view, the seed page
  // captured as a static file, and the seed post under load with Next answering each time.
  rmSync(STATIC_DIR, { recursive: true, force: true });
  server = await startServer({ pageCache: false });
  log(`server.mjs without its page cache on ${ORIGIN} (log: data/bench/next.log)`);

  // Single views, cold first: the 100k post is measured before anything warms it.
  log("single views (100k post capped at 120 s)");
  const bigViews = await singleViews(`${ORIGIN}${posts["100k"].path}`, 3);
  log(
    `100k post: ${bigViews.timeout ? "timeout" : `${Math.round(bigViews.first.ms)} ms, ${bigViews.last.bytes} bytes`}`,
  );
  // A timed-out page is still being rendered: measure nothing until the server is free.
  if (bigViews.timeout) await waitUntilIdle();
  const seedViews = await singleViews(`${ORIGIN}${SEED_PATH}`, 5);
  const oneKViews = await singleViews(`${ORIGIN}${posts["1k"].path}`, 1);
  log(
    `seed post: median ${Math.round(seedViews.medianMs)} ms, ${seedViews.last.bytes} bytes; 1k post ${Math.round(oneKViews.first.ms)} ms`,
  );

  const loadMore = oneKViews.last ? findLoadMore(oneKViews.last.body) : null;
  const js = await scriptWeight(seedViews.last.body, `${ORIGIN}${SEED_PATH}`);
  const seedHtml = seedViews.last.body;

  const load = {};
  log(`load: seed post, Next alone (${CONNECTIONS} connections, ${DURATION} s)`);
  load.seedNextAlone = {
    label: "seed post, Next alone (PAGE_CACHE_TTL_MS=0)",
    path: SEED_PATH,
    ...(await measure(`${ORIGIN}${SEED_PATH}`)),
  };
  log(`  ${Math.round(load.seedNextAlone.rps)} req/s, p99 ${load.seedNextAlone.p99} ms`);
  await stopProcess(server);

  mkdirSync(STATIC_DIR, { recursive: true });
  writeFileSync(path.join(STATIC_DIR, "seed.html"), seedHtml);
  server = await startServer({ pageCache: true });
  log(`server.mjs with its page cache on ${ORIGIN}`);

  const cookies = await Promise.all(content.users.map((user) => sessionCookie(user, env.AUTH_SECRET)));
  // Reader pages are the same for everyone; who is signed in comes from /api/viewer.
  const signedIn = await timedGet(`${ORIGIN}/api/viewer`, { headers: { cookie: cookies[0] } });
  if (JSON.parse(signedIn.body).viewer?.name !== content.users[0].name) {
    throw new Error("A minted session cookie was not accepted (/api/viewer does not name the bench user).");
  }
  log("minted session cookies accepted");

  const targets = [
    { key: "home", label: "home page", path: "/" },
    { key: "seed", label: "seed post", path: SEED_PATH },
    { key: "1k", label: "1,000-comment post", path: posts["1k"].path },
    {
      key: "100k",
      label: "100,000-comment post (first page)",
      path: posts["100k"].path,
      skip: bigViews.timeout
        ? "timeout"
        : bigViews.medianMs > SLOW_PAGE_MS
          ? `skipped: ${(bigViews.medianMs / 1000).toFixed(1)} s per view`
          : null,
    },
    {
      key: "loadMore",
      label: "load more (1,000-comment post)",
      path: loadMore,
      skip: loadMore ? null : "n/a (no load-more link)",
    },
    { key: "atom", label: "Atom feed", path: "/feeds/posts/default" },
    { key: "static", label: "seed HTML as a static file (ceiling)", path: "/__bench/seed.html" },
  ];
  for (const target of targets) {
    if (target.skip) {
      load[target.key] = { label: target.label, path: target.path, skipped: target.skip };
      log(`${target.label}: ${target.skip}`);
      continue;
    }
    await timedGet(`${ORIGIN}${target.path}`); // warm
    log(`load: ${target.label} ${target.path} (${CONNECTIONS} connections, ${DURATION} s)`);
    load[target.key] = {
      label: target.label,
      path: target.path,
      ...(await measure(`${ORIGIN}${target.path}`)),
    };
    log(
      `  ${Math.round(load[target.key].rps)} req/s, p50 ${load[target.key].p50} ms, p99 ${load[target.key].p99} ms, non-2xx ${load[target.key].non2xx}`,
    );
  }
  let visitor = 0;
  log("load: view counter");
  load.views = {
    label: "view counter (POST /api/posts/<id>/views)",
    path: `/api/posts/${posts.seed.id}/views`,
    ...(await measure(`${ORIGIN}/api/posts/${posts.seed.id}/views`, {
      method: "POST",
      setupRequest: (request) => {
        visitor += 1;
        const headers = {
          ...request.headers,
          "user-agent": `Mozilla/5.0 (X11; Linux x86_64) BenchReader/${visitor}`,
          "x-forwarded-for": `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`,
        };
        return { ...request, headers };
      },
    })),
  };

  let nginx = { skipped: "nginx not on PATH" };
  if (nginxAvailable()) {
    log(`nginx on 127.0.0.1:${NGINX_PORT} (cache) and :${STATIC_PORT} (static), prefix data/bench/nginx`);
    const child = await startNginx(seedHtml);
    const probe = await fetch(`http://127.0.0.1:${NGINX_PORT}${SEED_PATH}`);
    await probe.arrayBuffer();
    const second = await fetch(`http://127.0.0.1:${NGINX_PORT}${SEED_PATH}`);
    await second.arrayBuffer();
    nginx = {
      cacheStatus: second.headers.get("x-cache-status") ?? "none",
      appCacheControl: second.headers.get("cache-control"),
      cached: {
        label: "seed post through nginx cache",
        ...(await measure(`http://127.0.0.1:${NGINX_PORT}${SEED_PATH}`)),
      },
      static: {
        label: "seed HTML as a file, nginx (ceiling)",
        ...(await measure(`http://127.0.0.1:${STATIC_PORT}/seed.html`)),
      },
    };
    await stopProcess(child);
  }

  log("reply forms");
  const seedForm = await fetchReplyForm({
    origin: ORIGIN,
    postPath: SEED_PATH,
    commentId: posts.seed.replyTarget,
    cookie: cookies[0],
    timeoutMs: 30_000,
  });
  let bigForm;
  let bigFormNote = null;
  try {
    if (bigViews.timeout) throw new Error("the 100k page timed out above");
    bigForm = await fetchReplyForm({
      origin: ORIGIN,
      postPath: posts["100k"].path,
      commentId: posts["100k"].replyTarget,
      cookie: cookies[0],
      timeoutMs: 120_000,
    });
  } catch (error) {
    // The action and its fields are the same on every post: aim the seed form at the 100k post.
    bigFormNote = `form page failed (${error.message}); seed form re-aimed at the 100k post`;
    const fields = seedForm.form.fields.map(([name, value]) => [
      name,
      name === "postId"
        ? String(posts["100k"].id)
        : name === "parentId"
          ? String(posts["100k"].replyTarget)
          : value,
    ]);
    bigForm = { ...seedForm, form: { ...seedForm.form, fields } };
  }
  log(`reply round trips: ${REPLY_SAMPLES} each on the seed post (${seedForm.pagePath}) and the 100k post`);
  const replySeed = await replyRoundTrips(cookies, seedForm, REPLY_SAMPLES, "seed");
  const replyBig = await replyRoundTrips(cookies, bigForm, REPLY_SAMPLES, "100k");
  log(`${BURST_REPLIES} replies from ${BURST_CONCURRENCY} users at concurrency ${BURST_CONCURRENCY}`);
  const burst = await replyBurst(cookies, seedForm);

  const allKeys = [...replySeed.ackKeys, ...replyBig.ackKeys, ...burst.ackKeys];
  const stored = await database.countStored(allKeys);

  await stopProcess(server);
  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    database: database.kind,
    settings: { connections: CONNECTIONS, durationSeconds: DURATION, replySamples: REPLY_SAMPLES },
    pages: {
      seed: { medianMs: seedViews.medianMs, bytes: seedViews.last.bytes },
      big: {
        firstMs: bigViews.first.ms,
        medianMs: bigViews.medianMs,
        timeout: bigViews.timeout,
        bytes: bigViews.last?.bytes ?? null,
        status: bigViews.first.status ?? null,
      },
      loadMore,
    },
    js,
    load,
    nginx,
    replies: {
      seed: { ...replySeed, keys: undefined, ackKeys: undefined, form: seedForm.pagePath },
      big: { ...replyBig, keys: undefined, ackKeys: undefined, form: bigFormNote ?? bigForm.pagePath },
      burst: { ...burst, keys: undefined, ackKeys: undefined },
      stored,
    },
  };
  writeFileSync(path.join(BENCH_DIR, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  printReport(results);
  log("results: data/bench/results.json");
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanUp);
