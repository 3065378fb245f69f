// How the two halves of cross-instance expiry (docs/decisions/021) reach each other in
// one server process: the cache handler, which Next loads by path with Node's loader
// (lib/cache/csp-cache-handler.mjs), and the shared expiry log, which runs in the app's
// bundled code (lib/cache/shared-expiry.ts, started by instrumentation.ts). Each gets its
// own copy of this module, so they meet on globalThis, as the page cache does.
const CHANNEL = Symbol.for("commonplace.cache.expiryChannel");

/** @returns {{ publish: ((tags: string[]) => Promise<void>) | null, apply: ((tags: string[]) => void) | null, listeners: Set<(tags: string[]) => void> }} */
function channel() {
  return (globalThis[CHANNEL] ??= { publish: null, apply: null, listeners: new Set() });
}

/** The log: how to tell the other processes about tags this process expired. */
export function setExpiryPublisher(publish) {
  channel().publish = publish;
}

/** The handler, once Next has expired `tags` here: tell the other processes (nothing without a log). */
export async function publishExpiry(tags) {
  await channel().publish?.(tags);
}

/** The handler: how to expire, in this process, tags another process expired. */
export function setExpiryApplier(apply) {
  channel().apply = apply;
}

/**
 * Data a process keeps in memory besides pages (the comment rules): told which tags
 * another process expired, it drops what they name. Returns how to stop listening.
 */
export function onExpiredElsewhere(listener) {
  channel().listeners.add(listener);
  return () => channel().listeners.delete(listener);
}

/** The log, for tags another process expired: expire them in this process's caches. */
export function applyExpiry(tags) {
  channel().apply?.(tags);
  for (const listener of channel().listeners) listener(tags);
}
