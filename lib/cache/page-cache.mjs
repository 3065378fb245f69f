// The page cache in front of Next, in the server process (server.mjs, decision 012).
//
// Next serves a cached reader page without rendering it, but its router still costs
// about a millisecond of CPU a request: on two cores `next start` answers a 24-byte
// robots.txt at under 1,000 req/s. This cache keeps the finished bytes of responses
// Next marked as shareable (`s-maxage`, no cookies, not stale) for a short time, and
// answers repeats of the same request before Next's router runs: the same thing the
// documented nginx microcache does, for installs without a proxy in front.
//
// Freshness: when Next applies an expiry (lib/cache/revalidate.ts asks for them), or
// another server process did (the shared expiry log, docs/decisions/021), the cache
// handler calls `purgePageCache()` (lib/cache/csp-cache-handler.mjs) and everything
// stored is dropped at once; the time limit (default 1 s) bounds what a change made
// outside the app (the database edited by hand) can leave here.

const PURGE_HOOK = Symbol.for("commonplace.pageCache.purge");

/** Drops every page stored by this process's page cache (a no-op without one). */
export function purgePageCache() {
  globalThis[PURGE_HOOK]?.();
}

// Next varies its pages on these request headers; a request carrying any of them is an
// RSC/router request and is not answered from here.
const ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
];
// What Next's `Vary` may name for a page this cache can keep (everything else, e.g. Cookie, means no).
const KNOWN_VARY = new Set([...ROUTER_HEADERS, "accept-encoding"]);
// Per-connection or per-response headers that must not be replayed.
const NOT_REPLAYED = new Set([
  "date",
  "x-nextjs-cache",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  // Each request's own id (server.mjs), set before the cache answers.
  "x-request-id",
]);

// Auth.js's session cookies and the hint that one exists: the names lib/auth/session-hint.ts
// gives the app (server.mjs loads this file before the app's TypeScript; a test keeps them equal).
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
export const HINT_COOKIE = "cp_signed_in";

function hintDisagrees(cookieHeader) {
  if (!cookieHeader) return false;
  const names = new Set(cookieHeader.split(";").map((pair) => pair.split("=", 1)[0].trim()));
  return SESSION_COOKIES.some((name) => names.has(name)) !== names.has(HINT_COOKIE);
}

/**
 * @param {{ ttlMs?: number, maxEntries?: number, maxBytes?: number, maxEntryBytes?: number, now?: () => number }} [options]
 */
export function createPageCache({
  ttlMs = 1000,
  maxEntries = 1000,
  maxBytes = 64 * 1024 * 1024,
  maxEntryBytes = 2 * 1024 * 1024,
  now = () => performance.now(),
} = {}) {
  /** @type {Map<string, { status: number, headers: [string, string | string[]][], body: Buffer, storedAt: number }>} */
  const entries = new Map();
  let bytes = 0;
  // Bumped by every purge: a response that started before a change is not stored after it.
  let generation = 0;

  function remove(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length;
  }

  function purge() {
    generation += 1;
    entries.clear();
    bytes = 0;
  }

  function keyOf(req) {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    // Conditional requests and router requests go to Next, which knows how to answer them.
    if (req.headers["if-none-match"] || req.headers["if-modified-since"]) return null;
    if (ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
    if (req.url.includes("_rsc=")) return null;
    // The signed-in hint cookie disagrees with the session cookie (a sign-in that did not
    // set it, a sign-out elsewhere): Next's proxy must answer, to set or drop it, or the
    // page would not ask who is signed in (lib/auth/session-hint.ts, proxy.ts).
    if (hintDisagrees(req.headers.cookie)) return null;
    // Next compresses with gzip when the request accepts it: one entry per answer.
    const gzip = /\bgzip\b/i.test(req.headers["accept-encoding"] ?? "");
    return `${gzip ? "gzip" : "identity"} ${req.url}`;
  }

  /** Answers `req` from the cache; false when it must go to Next. */
  function serve(req, res) {
    const key = keyOf(req);
    if (key === null) return false;
    const entry = entries.get(key);
    if (!entry) return false;
    if (now() - entry.storedAt > ttlMs) {
      remove(key);
      return false;
    }
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("content-length", entry.body.length);
    res.setHeader("x-page-cache", "HIT");
    res.statusCode = entry.status;
    res.end(req.method === "HEAD" ? undefined : entry.body);
    return true;
  }

  /** Watches Next answer `req` and keeps the response if it may be shared. */
  function record(req, res) {
    const key = req.method === "GET" ? keyOf(req) : null;
    if (key === null) return;
    const startedIn = generation;
    const chunks = [];
    let size = 0;
    let explicitHeaders = null;
    const currentHeaders = () => ({ ...res.getHeaders(), ...lowerCased(explicitHeaders) });
    // Headers are final once the body starts: a private page or an API answer is not
    // copied chunk by chunk only to be thrown away at the end.
    let wanted = null;
    const keep = (chunk, encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || size > maxEntryBytes)
        return;
      wanted ??= shareable(res.statusCode, currentHeaders());
      if (!wanted) return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk);
      size += buffer.length;
      chunks.push(buffer);
    };
    const { write, end, writeHead } = res;
    res.writeHead = function (status, ...rest) {
      const headers = rest.find((arg) => arg && typeof arg === "object");
      if (headers) explicitHeaders = headers;
      return writeHead.call(this, status, ...rest);
    };
    res.write = function (chunk, encoding, callback) {
      keep(chunk, typeof encoding === "string" ? encoding : undefined);
      return write.call(this, chunk, encoding, callback);
    };
    res.end = function (chunk, encoding, callback) {
      keep(chunk, typeof encoding === "string" ? encoding : undefined);
      return end.call(this, chunk, encoding, callback);
    };
    res.once("finish", () => {
      if (generation !== startedIn || size > maxEntryBytes || wanted === false) return;
      const headers = currentHeaders();
      if (!shareable(res.statusCode, headers)) return;
      const body = Buffer.concat(chunks);
      remove(key);
      entries.set(key, {
        status: res.statusCode,
        headers: Object.entries(headers).filter(([name]) => !NOT_REPLAYED.has(name)),
        body,
        storedAt: now(),
      });
      bytes += body.length;
      // Oldest first out (a Map iterates in insertion order).
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        remove(oldest);
      }
    });
  }

  return {
    serve,
    record,
    purge,
    get size() {
      return entries.size;
    },
    /** Makes `purgePageCache()` (called from the app's bundled code) reach this cache. */
    install() {
      globalThis[PURGE_HOOK] = purge;
    },
  };
}

function lowerCased(headers) {
  if (!headers) return {};
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** Only what Next itself would hand to a shared cache: a fresh, cookie-free, public 200. */
function shareable(status, headers) {
  if (status !== 200 || headers["set-cookie"] !== undefined) return false;
  const cacheControl = String(headers["cache-control"] ?? "");
  if (!/\bs-maxage=\d+/.test(cacheControl) || /\b(private|no-store|no-cache)\b/.test(cacheControl))
    return false;
  if (String(headers["x-nextjs-cache"] ?? "").toUpperCase() === "STALE") return false;
  const vary = String(headers.vary ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  return vary.every((name) => KNOWN_VARY.has(name));
}
