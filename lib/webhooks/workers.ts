import "server-only";
import type { DbClient } from "@/lib/db/client";
import { createPollingLoop } from "@/lib/outbox/loop";
import type { WorkerLog } from "@/lib/outbox/worker";
import { fanOutOnce } from "@/lib/webhooks/fan-out";
import { webhookSettings } from "@/lib/webhooks/settings";
import { createWebhookWorker } from "@/lib/webhooks/worker";

export type WebhookWorkers = ReturnType<typeof createWebhookWorkers>;

/**
 * The two loops webhooks need (docs/decisions/037), as the server (instrumentation.ts)
 * and `npm run worker` run them: the event log's consumer, which queues deliveries and
 * wakes the deliverer, and the deliverer on the outbox's worker.
 */
export function createWebhookWorkers(db: DbClient, log: WorkerLog, { intervalMs }: { intervalMs: number }) {
  const delivery = createWebhookWorker({
    db,
    allowPrivate: webhookSettings.allowPrivate,
    maxAttempts: webhookSettings.maxAttempts,
    timeoutMs: webhookSettings.timeoutMs,
    intervalMs,
    log,
  });
  async function fanOut() {
    const { queued, more } = await fanOutOnce(db);
    if (queued > 0) delivery.wake();
    return { queued, more };
  }
  const fanOutLoop = createPollingLoop({
    run: async () => (await fanOut()).more,
    intervalMs,
    onError: (error) => log("error", "webhook.fan_out_failed", { error: (error as Error).message }),
  });
  return {
    delivery,
    /** Events recorded: queue their deliveries now. */
    wake: () => fanOutLoop.wake(),
    /** A delivery was queued (a test): try it now. */
    wakeDelivery: () => delivery.wake(),
    start() {
      fanOutLoop.start();
      delivery.start();
    },
    async stop() {
      await fanOutLoop.stop();
      await delivery.stop();
    },
    /** Everything due now, then returns how many deliveries were tried (`npm run worker -- --once`). */
    async runOnce() {
      while ((await fanOut()).more);
      let tried = 0;
      for (;;) {
        const { sent, retried, failed } = await delivery.runOnce();
        if (sent + retried + failed === 0) return tried;
        tried += sent + retried + failed;
      }
    },
  };
}
