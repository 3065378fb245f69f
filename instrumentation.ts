/**
 * Runs once when the server starts: parse the environment (lib/env.ts) and refuse to
 * serve without the secret that makes sessions safe, instead of failing on the first
 * visitor's request. NEXT_RUNTIME is Next's own marker, read before anything else loads.
 */
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- which runtime this is, set by Next
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { requireAuthSecret } = await import("@/lib/env");
  requireAuthSecret();
}
