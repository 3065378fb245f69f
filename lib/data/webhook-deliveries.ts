import "server-only";
import type { DbClient } from "@/lib/db/client";
import { claimDue, failClaim, finishClaim } from "@/lib/outbox/claims";

/**
 * Webhook deliveries through the outbox's claim rule (lib/outbox/claims.ts,
 * docs/decisions/032 and 037): the worker in lib/webhooks/worker.ts claims them, POSTs
 * them and records the answer here.
 */

export type ClaimedDelivery = {
  id: string;
  event: string;
  body: string;
  attempts: number;
  webhook: { id: string; url: string; secret: string; enabled: boolean };
};

export async function claimDueDeliveries(
  db: DbClient,
  args: { limit: number; leaseMs: number; now: Date },
): Promise<{ token: string; items: ClaimedDelivery[] }> {
  const token = await claimDue(db.webhookDelivery, args);
  if (!token) return { token: "", items: [] };
  const items = await db.webhookDelivery.findMany({
    where: { claimToken: token },
    orderBy: { nextAttemptAt: "asc" },
    select: {
      id: true,
      event: true,
      body: true,
      attempts: true,
      webhook: { select: { id: true, url: true, secret: true, enabled: true } },
    },
  });
  return { token, items };
}

export type Answer = { status: number | null; excerpt: string | null };

/** Delivered: the receiver answered 2xx. False if the claim was lost meanwhile. */
export function markDelivered(db: DbClient, id: string, token: string, answer: Answer, now: Date) {
  return finishClaim(db.webhookDelivery, id, token, {
    status: "delivered",
    deliveredAt: now,
    responseStatus: answer.status,
    responseExcerpt: answer.excerpt,
  });
}

/** A failed attempt: due again at `retryAt`, or given up when it is null. */
export function markDeliveryFailed(
  db: DbClient,
  id: string,
  token: string,
  error: string,
  retryAt: Date | null,
  answer: Answer,
) {
  return failClaim(db.webhookDelivery, id, token, error, retryAt, {
    responseStatus: answer.status,
    responseExcerpt: answer.excerpt,
  });
}
