/**
 * The events a webhook may ask for (docs/decisions/037), and "ping", the test an admin
 * sends. Client-safe: the admin form lists them.
 */
export const WEBHOOK_EVENTS = [
  "comment.created",
  "comment.deleted",
  "comment.held",
  "post.published",
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export type DeliveryEvent = WebhookEvent | "ping";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "comment.created": "A comment is published (also when a held comment is approved)",
  "comment.deleted": "A comment is deleted",
  "comment.held": "A comment is held for review",
  "post.published": "A post is published",
};

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** At most this many webhooks: each event is one delivery per webhook. */
export const MAX_WEBHOOKS = 20;

/** The event list as stored (Webhook.events) and back. */
export const joinEvents = (events: readonly WebhookEvent[]) => [...new Set(events)].sort().join(",");
export const splitEvents = (stored: string): WebhookEvent[] => stored.split(",").filter(isWebhookEvent);
