import type { Instrumentation } from "next";

/**
 * Runs once when the server starts: parse the environment (lib/env.ts) and refuse to
 * serve without the secret that makes sessions safe, instead of failing on the first
 * visitor's request; then follow the other server processes' cache expiries
 * (docs/decisions/021), send queued mails (docs/decisions/032), deliver webhooks (docs/decisions/037),
 * turn new comments into reply notifications (036), take part in the hourly housekeeping
 * (docs/decisions/039) and send Next's console output through our logger. NEXT_RUNTIME
 * and NEXT_PHASE are Next's own markers, read before anything else loads.
 */
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- which runtime this is, set by Next
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { requireAuthSecret } = await import("@/lib/env");
  requireAuthSecret();
  // eslint-disable-next-line no-restricted-properties -- set by Next; a build serves nothing
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startSharedCacheExpiry } = await import("@/lib/cache/shared-expiry");
  startSharedCacheExpiry();
  const { startMailWorker } = await import("@/lib/mail/server-worker");
  startMailWorker();
  const { startNotifier } = await import("@/lib/notifications/server-notifier");
  startNotifier();
  const { startWebhookWorkers } = await import("@/lib/webhooks/server-worker");
  startWebhookWorkers();
  const { startHousekeeping } = await import("@/lib/housekeeping/server-worker");
  startHousekeeping();
  const { routeConsoleToLog } = await import("@/lib/log/server-errors");
  routeConsoleToLog();
}

/** Every error Next catches while serving: logged with its digest, the id readers see (decision 025). */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // eslint-disable-next-line no-restricted-properties -- which runtime this is, set by Next
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logServerError } = await import("@/lib/log/server-errors");
  logServerError(error, request, context);
};
