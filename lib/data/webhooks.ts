import "server-only";
import { randomUUID } from "node:crypto";
import { config } from "@/lib/config";
import { db as appDb } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/data/errors";
import { joinEvents, MAX_WEBHOOKS, splitEvents, type WebhookEvent } from "@/lib/webhooks/events";
import { newWebhookSecret } from "@/lib/webhooks/signature";

/**
 * Webhooks as admins keep them at /admin/webhooks (docs/decisions/037), and their
 * delivery log. Callers have checked `edit:settings` (the actions) and the URL
 * (lib/webhooks/target.ts).
 */

export type WebhookSummary = {
  id: string;
  url: string;
  events: WebhookEvent[];
  enabled: boolean;
  createdAt: Date;
  lastDelivery: { status: string; createdAt: Date; responseStatus: number | null } | null;
};

export async function listWebhooks(db: DbClient = appDb): Promise<WebhookSummary[]> {
  const rows = await db.webhook.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      url: true,
      events: true,
      enabled: true,
      createdAt: true,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { status: true, createdAt: true, responseStatus: true },
      },
    },
  });
  return rows.map(({ deliveries, events, ...row }) => ({
    ...row,
    events: splitEvents(events),
    lastDelivery: deliveries[0] ?? null,
  }));
}

export type WebhookDetail = Omit<WebhookSummary, "lastDelivery"> & { secret: string };

export async function getWebhook(id: string, db: DbClient = appDb): Promise<WebhookDetail | null> {
  const row = await db.webhook.findUnique({
    where: { id },
    select: { id: true, url: true, events: true, enabled: true, createdAt: true, secret: true },
  });
  return row && { ...row, events: splitEvents(row.events) };
}

export type CreateWebhookResult = { ok: true; id: string } | { ok: false; reason: "too-many" };

/**
 * Adds a webhook with a fresh secret. The limit is counted first: two admins adding the
 * twentieth at the same moment may make it twenty-one, which harms nothing.
 */
export async function createWebhook(
  input: { url: string; events: WebhookEvent[] },
  db: DbClient = appDb,
): Promise<CreateWebhookResult> {
  if ((await db.webhook.count()) >= MAX_WEBHOOKS) return { ok: false, reason: "too-many" };
  const row = await db.webhook.create({
    data: { url: input.url, events: joinEvents(input.events), secret: newWebhookSecret() },
    select: { id: true },
  });
  return { ok: true, id: row.id };
}

/** Changes what a webhook wants and whether it is on; false when it no longer exists. */
export async function updateWebhook(
  id: string,
  input: { events: WebhookEvent[]; enabled: boolean },
  db: DbClient = appDb,
): Promise<boolean> {
  const { count } = await db.webhook.updateMany({
    where: { id },
    data: { events: joinEvents(input.events), enabled: input.enabled },
  });
  return count === 1;
}

/** Removes a webhook and its delivery log (the deliveries cascade). */
export async function deleteWebhook(id: string, db: DbClient = appDb): Promise<boolean> {
  const { count } = await db.webhook.deleteMany({ where: { id } });
  return count === 1;
}

export type PingResult = { ok: true; deliveryId: string } | { ok: false; reason: "not-found" | "disabled" };

/** Queues a test delivery ("ping") to an enabled webhook. */
export async function queuePing(webhookId: string, db: DbClient = appDb): Promise<PingResult> {
  const hook = await db.webhook.findUnique({ where: { id: webhookId }, select: { enabled: true } });
  if (!hook) return { ok: false, reason: "not-found" };
  if (!hook.enabled) return { ok: false, reason: "disabled" };
  const id = randomUUID();
  const now = new Date();
  const body = deliveryBody(id, "ping", now, {
    webhookId,
    message: `A test delivery from ${config.title}.`,
  });
  try {
    await db.webhookDelivery.create({ data: { id, webhookId, event: "ping", body }, select: { id: true } });
  } catch (error) {
    // The webhook was deleted between the read and the insert.
    if (isForeignKeyViolation(error)) return { ok: false, reason: "not-found" };
    throw error;
  }
  return { ok: true, deliveryId: id };
}

/** The JSON a receiver gets: `id` is the delivery's (the Commonplace-Delivery header). */
export function deliveryBody(id: string, type: string, createdAt: Date, data: object): string {
  return JSON.stringify({ id, type, createdAt: createdAt.toISOString(), data });
}

export type DeliveryLogEntry = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  responseExcerpt: string | null;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
};

/** A webhook's latest deliveries, newest first. */
export async function listDeliveries(
  webhookId: string,
  { take = 50, db = appDb }: { take?: number; db?: DbClient } = {},
): Promise<DeliveryLogEntry[]> {
  return db.webhookDelivery.findMany({
    where: { webhookId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      event: true,
      status: true,
      attempts: true,
      responseStatus: true,
      responseExcerpt: true,
      lastError: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
    },
  });
}

/**
 * Queues one delivery per (event, webhook), once: two instances fanning out the same
 * events both try, and the unique (eventId, webhookId) keeps one row. False when it
 * existed already.
 */
export async function queueEventDelivery(
  delivery: { webhookId: string; eventId: number; event: WebhookEvent; createdAt: Date; data: object },
  db: DbClient = appDb,
): Promise<boolean> {
  const id = randomUUID();
  try {
    await db.webhookDelivery.create({
      data: {
        id,
        webhookId: delivery.webhookId,
        eventId: delivery.eventId,
        event: delivery.event,
        body: deliveryBody(id, delivery.event, delivery.createdAt, delivery.data),
      },
      select: { id: true },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    // The webhook was deleted meanwhile: nothing to tell it.
    if (isForeignKeyViolation(error)) return false;
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2003";
}
