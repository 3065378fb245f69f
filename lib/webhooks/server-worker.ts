import "server-only";
import { db } from "@/lib/db";
import { onEventsRecordedAtMostEvery } from "@/lib/events/log";
import { log } from "@/lib/log";
import { onShutdown } from "@/lib/shutdown.mjs";
import { webhookSettings } from "@/lib/webhooks/settings";
import { createWebhookWorkers, type WebhookWorkers } from "@/lib/webhooks/workers";

/** How soon after a write this process's consumer runs (a burst: once per this). */
const WAKE_MS = 250;

// On globalThis: Next may bundle this module more than once, and the action that queues
// a test delivery must wake the workers instrumentation.ts started.
const KEY = Symbol.for("commonplace.webhookWorkers");
const shared = globalThis as { [KEY]?: WebhookWorkers };

/** Starts this server process's webhook workers (instrumentation.ts), unless WEBHOOKS_POLL_MS is 0. */
export function startWebhookWorkers(): void {
  if (webhookSettings.pollMs === 0 || shared[KEY]) return;
  const workers = createWebhookWorkers(db, (level, event, fields) => log[level](event, fields), {
    intervalMs: webhookSettings.pollMs,
  });
  shared[KEY] = workers;
  // This process's writes wake the fan-out at once; other instances' are found by the poll.
  const unsubscribe = onEventsRecordedAtMostEvery(WAKE_MS, () => workers.wake());
  workers.start();
  onShutdown("webhook workers", async () => {
    unsubscribe();
    await workers.stop();
  });
}

/** A delivery was just queued: try it now rather than at the next look (no-op without workers here). */
export function wakeWebhookWorker(): void {
  shared[KEY]?.wakeDelivery();
}
