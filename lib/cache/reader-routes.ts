/**
 * Which pages render per request. Everything else a reader can open is cached (ISR) and
 * identical for every reader; see docs/decisions/010-cached-reader-pages.md. proxy.ts
 * gives these pages a nonce policy; cached pages get a hash policy from the cache
 * handler. Keep in step with the matcher in proxy.ts (proxy.test.ts checks both).
 */
export const PER_REQUEST_PREFIXES = [
  "/signin",
  "/signup",
  "/search",
  "/admin",
  "/moderation",
  "/comments",
  "/posts",
  "/account",
] as const;

export function rendersPerRequest(pathname: string): boolean {
  return PER_REQUEST_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
