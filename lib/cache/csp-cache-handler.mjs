// Next's own file-system ISR cache, plus one thing: every cached page is stored and
// served with a Content-Security-Policy that allows exactly its own inline scripts by
// hash. Cached pages are the same bytes for every reader, so they cannot carry a
// per-request nonce (docs/decisions/010-cached-reader-pages.md).
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
let startedFresh = false;

export default class CspCacheHandler extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    // Once per process, before anything is served: what an earlier run cached may show a
    // database that has changed since (a restore, the seed, an import, a test run), and
    // the record of which pages were expired lives in memory only.
    if (!startedFresh && ctx.serverDistDir && process.env.NEXT_PHASE !== "phase-production-build") {
      startedFresh = true;
      rmSync(path.join(ctx.serverDistDir, RUNTIME_CACHE_DIRECTORY), { recursive: true, force: true });
    }
  }

  async get(...args) {
    const entry = await super.get(...args);
    // Pages prerendered by `next build` are read from disk without our header.
    if (entry?.value) withPolicy(entry.value);
    return entry;
  }

  async set(key, data, ctx) {
    return super.set(key, withPolicy(data), ctx);
  }

  // Next calls this when an expiry takes effect (after the action that asked for it):
  // the finished pages held by the server's page cache (server.mjs) go at that moment.
  async revalidateTag(...args) {
    await super.revalidateTag(...args);
    purgePageCache();
  }
}
