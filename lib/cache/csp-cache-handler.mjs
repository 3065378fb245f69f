// Next's own file-system ISR cache, with two additions:
// - every cached page is stored and served with a Content-Security-Policy that allows
//   exactly its own inline scripts by hash. Cached pages are the same bytes for every
//   reader, so they cannot carry a per-request nonce (docs/decisions/010);
// - expiries are shared between server processes: those that take effect here are
//   written to a log in the database, those the others wrote are applied here, and
//   rendered pages stay in this process's memory (docs/decisions/021).
//
// Next loads this file by path with Node's loader (next.config.ts `cacheHandler`), so it
// is plain JavaScript. It extends Next's internal FileSystemCache: `next` is pinned to an
// exact version, and e2e tests fail if pages stop hydrating or lose their policy.
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import {
  buildContentSecurityPolicy,
  inlineScriptHashes,
  policyEnvironment,
} from "../security/csp-policy.mjs";
import { publishExpiry, setExpiryApplier } from "./expiry-channel.mjs";
import { purgePageCache } from "./page-cache.mjs";

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;
const POLICY_HEADER = "content-security-policy";
const environment = policyEnvironment(process.env);

const sha256Base64 = (text) => createHash("sha256").update(text, "utf8").digest("base64");

/** Adds the hash policy to a cached page entry (in place: Next may already hold it). */
function withPolicy(value) {
  if (value?.kind !== "APP_PAGE" || typeof value.html !== "string") return value;
  if (value.headers?.[POLICY_HEADER]) return value;
  const hashes = inlineScriptHashes(value.html, sha256Base64);
  value.headers = {
    ...value.headers,
    [POLICY_HEADER]: buildContentSecurityPolicy({ scripts: { hashes }, ...environment }),
  };
  return value;
}

// Where Next stores the pages it rendered at run time (next/dist/server/lib/route-cache-key.js).
const RUNTIME_CACHE_DIRECTORY = "route-cache";

// Next loads this file by path to render pages, and bundles another copy of it into the
// proxy's code (proxy.ts): what one process remembers lives on globalThis, so that either
// copy sees all of it, whichever registered last on the expiry channel.
const STATE = Symbol.for("commonplace.cache.handlerState");
/**
 * `expiries` counts the expiries that took effect in this process (its own or another
 * instance's), so that a page whose render began before one is not stored after it: the
 * render may have read the database before the change. `readAt` remembers the count when
 * Next last read each key. `latest` is the newest handler (Next makes one per request;
 * they share Next's record of expired tags).
 * @type {{ startedFresh: boolean, expiries: number, readAt: Map<string, number>, latest: CspCacheHandler | null }}
 */
const shared = (globalThis[STATE] ??= { startedFresh: false, expiries: 0, readAt: new Map(), latest: null });
const MAX_TRACKED_READS = 10_000;

function expiredHere() {
  shared.expiries += 1;
  // The finished pages held by the server's page cache (server.mjs) go at the same moment.
  purgePageCache();
}

// Tags another server process expired, read from the shared log (docs/decisions/021).
setExpiryApplier((tags) => {
  // Before Next creates the first handler, this process has cached nothing.
  void shared.latest?.expireFromElsewhere(tags);
  expiredHere();
});

export default class CspCacheHandler extends FileSystemCache {
  constructor(ctx) {
    const serving = Boolean(ctx.serverDistDir) && process.env.NEXT_PHASE !== "phase-production-build";
    // Serving, the pages Next renders stay in this process's memory (Next's LRU,
    // `cacheMaxMemorySize`) and are never written to disk: several instances may run
    // from one build folder, and would read each other's half-written entries, which
    // need not match the tags this process has seen expire (docs/decisions/021).
    super(serving ? { ...ctx, flushToDisk: false } : ctx);
    shared.latest = this;
    // Once per process, before anything is served: an earlier version wrote pages to
    // disk, which may show a database that has changed since (a restore, the seed, an
    // import, a test run). Nothing writes there any more, so another instance loses nothing.
    if (serving && !shared.startedFresh) {
      shared.startedFresh = true;
      rmSync(path.join(ctx.serverDistDir, RUNTIME_CACHE_DIRECTORY), { recursive: true, force: true });
    }
  }

  async get(key, ctx) {
    const { readAt } = shared;
    readAt.delete(key);
    readAt.set(key, shared.expiries);
    if (readAt.size > MAX_TRACKED_READS) readAt.delete(readAt.keys().next().value);
    const entry = await super.get(key, ctx);
    // Pages prerendered by `next build` are read from disk without our header.
    if (entry?.value) withPolicy(entry.value);
    return entry;
  }

  async set(key, data, ctx) {
    const readWhen = shared.readAt.get(key);
    shared.readAt.delete(key);
    // Rendered from what the database held before an expiry: the next request renders again.
    if (readWhen !== undefined && readWhen !== shared.expiries) return;
    return super.set(key, withPolicy(data), ctx);
  }

  // Next calls this when an expiry takes effect here (after the action that asked for
  // it, lib/cache/revalidate.ts); the other server processes learn it from the shared log.
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    expiredHere();
    await publishExpiry(typeof tags === "string" ? [tags] : tags);
  }

  /** Expires tags that another process expired, without logging them again. */
  expireFromElsewhere(tags) {
    return super.revalidateTag(tags);
  }
}
