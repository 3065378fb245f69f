import "server-only";
import { config } from "@/lib/config";
import { advanceCursor, readCursor } from "@/lib/events/cursor";
import { eventsAfter } from "@/lib/events/log";
import type { EventSource } from "@/lib/notifications/notifier";

/** The event log as the notifier reads it (lib/events, docs/decisions/035). */
export const eventLog: EventSource = {
  readCursor: (name, client) => readCursor(name, client),
  eventsAfter: (afterId, options) => eventsAfter(afterId, options),
  advanceCursor: (name, from, to, client) => advanceCursor(name, from, to, client),
};

/** What the notifier's mails say and how they are batched (lib/config.ts). */
export const notifierSettings = {
  batchMinutes: config.notifyBatchMinutes,
  siteUrl: config.siteUrl,
  blogName: config.title,
};
