import "server-only";
import {
  claimDueDeliveries,
  markDelivered,
  markDeliveryFailed,
  type ClaimedDelivery,
} from "@/lib/data/webhook-deliveries";
import type { DbClient } from "@/lib/db/client";
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerTuning } from "@/lib/outbox/worker";
import { postWebhook, WebhookHttpError, type PostResult } from "@/lib/webhooks/post";
import { signatureHeader } from "@/lib/webhooks/signature";
import { checkTarget, type Resolver } from "@/lib/webhooks/target";

export type WebhookWorkerOptions = OutboxWorkerTuning & {
  db: DbClient;
  allowPrivate: boolean;
  /** The whole exchange with one receiver. */
  timeoutMs?: number;
  resolve?: Resolver;
};

/** A delivery no retry will mend: the target is refused, or the webhook was turned off. */
export class WebhookRefusedError extends Error {}

/**
 * Delivers webhook events (docs/decisions/037) on the outbox's worker (lib/outbox):
 * claims due deliveries, checks the target again after resolving it (it may have turned
 * private since it was saved), POSTs the stored body signed with the webhook's secret,
 * and records the answer. A 2xx is delivered; anything else is retried with backoff until
 * `maxAttempts`; a refused target or a disabled webhook is given up at once.
 */
export function createWebhookWorker({
  db,
  allowPrivate,
  timeoutMs = 10_000,
  resolve,
  ...tuning
}: WebhookWorkerOptions): OutboxWorker {
  // 30 s leases would do; the outbox's 10 min are far over the timeout either way.
  return createOutboxWorker<ClaimedDelivery, PostResult>({
    ...tuning,
    name: "webhook",
    claim: (args) => claimDueDeliveries(db, args),
    async send(delivery) {
      if (!delivery.webhook.enabled) throw new WebhookRefusedError("The webhook is turned off.");
      const target = await checkTarget(delivery.webhook.url, { allowPrivate, resolve });
      if (!target.ok) throw new WebhookRefusedError(`Refused: the URL ${target.reason}.`);
      const now = Math.floor(Date.now() / 1000);
      return postWebhook({
        url: target.url,
        address: target.address,
        body: delivery.body,
        timeoutMs,
        headers: {
          "User-Agent": "Commonplace-Webhooks/1",
          "Commonplace-Event": delivery.event,
          "Commonplace-Delivery": delivery.id,
          "Commonplace-Signature": signatureHeader(delivery.webhook.secret, delivery.body, now),
        },
      });
    },
    markDone: (delivery, token, answer, now) => markDelivered(db, delivery.id, token, answer, now),
    markFailed: (delivery, token, error, message, retryAt) =>
      markDeliveryFailed(
        db,
        delivery.id,
        token,
        message,
        retryAt,
        error instanceof WebhookHttpError
          ? { status: error.status, excerpt: error.excerpt || null }
          : { status: null, excerpt: null },
      ),
    isPermanent: (error) => error instanceof WebhookRefusedError,
    describe: (delivery) => ({ event: delivery.event, webhookId: delivery.webhook.id }),
  });
}
