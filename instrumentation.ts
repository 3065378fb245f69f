/**
 * Runs once when the server starts: refuse to serve without the secrets and settings
 * that make sessions safe, instead of failing on the first visitor's request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { requireAuthSecret } = await import("@/lib/auth/settings");
  requireAuthSecret();
  await import("@/lib/config");
}
