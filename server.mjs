#!/usr/bin/env node
// The production server: Next's own request handler behind the in-process page cache
// (lib/cache/page-cache.mjs, docs/decisions/012). Serves the build in .next; `npm start`
// builds first. Settings: PORT (3000), HOST (all interfaces), PAGE_CACHE_TTL_MS (1000;
// 0 turns the page cache off and leaves exactly `next start`'s behaviour), TRUSTED_PROXIES
// (none; which proxies' X-Forwarded-For to believe, lib/net/client-address.mjs),
// INSTANCE_NAME (none; names this instance in an X-Instance header on every answer, to
// see which instance behind a load balancer served a request, docs/decisions/022).
// Every request gets an id (X-Request-Id, taken from a trusted proxy or made here), sent
// back in the answer and written on every log line of the request (lib/log, decision 025).
import { createServer } from "node:http";
import { createPageCache } from "./lib/cache/page-cache.mjs";
import { loadEnvFiles } from "./lib/env-files.mjs";
import { createLogger, parseLogLevel } from "./lib/log/logger.mjs";
import { REQUEST_ID_HEADER, requestIdFor, runWithRequestId } from "./lib/log/request-context.mjs";
import {
  declareClientAddressStamping,
  fromTrustedProxy,
  parseTrustedProxies,
  stampClientAddress,
} from "./lib/net/client-address.mjs";
import { keepIdleConnectionsLongerThanProxies } from "./lib/net/idle-timeouts.mjs";
import { manageShutdown, runShutdown } from "./lib/shutdown.mjs";

// What `next start` does too: this serves a production build, and React and Next read
// the mode from here when they load (hence the import below, not at the top).
process.env.NODE_ENV = "production";
// The settings below may live in .env, which Next reads only once it starts.
loadEnvFiles({ dir: import.meta.dirname, dev: false });
const { default: next } = await import("next");

let log = createLogger();
try {
  log = createLogger({ level: parseLogLevel(process.env.LOG_LEVEL) });
} catch (error) {
  log.error(error.message);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;
const ttlMs = Number(process.env.PAGE_CACHE_TTL_MS ?? 1000);
if (!Number.isFinite(port) || !Number.isFinite(ttlMs) || ttlMs < 0) {
  log.error("PORT and PAGE_CACHE_TTL_MS must be non-negative numbers.");
  process.exit(1);
}
const instanceName = process.env.INSTANCE_NAME || null;
if (instanceName !== null && !/^[\w.-]{1,64}$/.test(instanceName)) {
  console.error("INSTANCE_NAME may hold letters, digits, '.', '_' and '-' (at most 64).");
  process.exit(1);
}

let trust;
try {
  trust = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  log.error(error.message);
  process.exit(1);
}

// Every request below gets the header set (or removed) before the app sees it.
declareClientAddressStamping();

const app = next({ dev: false, dir: import.meta.dirname, hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const pageCache = ttlMs > 0 ? createPageCache({ ttlMs }) : null;
pageCache?.install();

const server = createServer((req, res) => {
  if (instanceName) res.setHeader("X-Instance", instanceName);
  // Before anything else: the app reads the client's address only from this header.
  stampClientAddress(req, trust);
  const requestId = requestIdFor(
    req.headers[REQUEST_ID_HEADER],
    fromTrustedProxy(req.socket.remoteAddress, trust),
  );
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader("X-Request-Id", requestId);
  if (pageCache?.serve(req, res)) return;
  pageCache?.record(req, res);
  // Everything Next does for this request, however deep, runs inside this context.
  runWithRequestId(requestId, () =>
    handle(req, res).catch((error) => {
      log.error("Request failed", { method: req.method, path: req.url?.split("?")[0], error });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }),
  );
});

keepIdleConnectionsLongerThanProxies(server);

server.listen(port, host, () => {
  const shown = host && host !== "0.0.0.0" ? host : "localhost";
  log.info(`Commonplace is serving on http://${shown}:${port}`, { port, pageCacheTtlMs: ttlMs });
});

// Stop taking requests and let those in flight finish (five seconds at most), then run
// the app's shutdown tasks (lib/shutdown.mjs: buffered view counts written, timers
// stopped, database connections closed) and exit.
manageShutdown();
let exiting = false;
async function exitAfterShutdown() {
  if (exiting) return;
  exiting = true;
  await runShutdown({ onError: (task, error) => log.error("Shutdown task failed", { task, error }) });
  log.info("Stopped");
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    log.info("Stopping: finishing the requests in flight", { signal });
    server.close(() => void exitAfterShutdown());
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      void exitAfterShutdown();
    }, 5000).unref();
    // A task that hangs (a database that stopped answering) must not keep the process.
    setTimeout(() => process.exit(1), 15_000).unref();
  });
}
