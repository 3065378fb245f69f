import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import type { OutboxWorker } from "@/lib/outbox/worker";
import { onShutdown } from "@/lib/shutdown.mjs";
import { webhookSettings } from "@/lib/webhooks/settings";
import { createWebhookWorker } from "@/lib/webhooks/worker";

// On globalThis: Next may bundle this module more than once, and the action that queues
// a test delivery must wake the worker instrumentation.ts started.
const KEY = Symbol.for("commonplace.webhookWorker");
const shared = globalThis as { [KEY]?: OutboxWorker };

/** Starts this server process's webhook workers (instrumentation.ts), unless WEBHOOKS_POLL_MS is 0. */
export function startWebhookWorkers(): void {
  if (webhookSettings.pollMs === 0 || shared[KEY]) return;
  const worker = createWebhookWorker({
    db,
    allowPrivate: webhookSettings.allowPrivate,
    maxAttempts: webhookSettings.maxAttempts,
    timeoutMs: webhookSettings.timeoutMs,
    intervalMs: webhookSettings.pollMs,
    log: (level, event, fields) => log[level](event, fields),
  });
  shared[KEY] = worker;
  worker.start();
  onShutdown("webhook worker", () => worker.stop());
}

/** A delivery was just queued: try it now rather than at the next look (no-op without a worker here). */
export function wakeWebhookWorker(): void {
  shared[KEY]?.wake();
}
