import "server-only";
import type { DbClient } from "@/lib/db/client";
import { sendDueNotifications, type BatchSettings } from "@/lib/notifications/batches";
import { recordNotifications, type NotifiableEvent } from "@/lib/notifications/recipients";
import { createPollingLoop } from "@/lib/outbox/loop";

/** The event log as the notifier uses it (lib/events, docs/decisions/035). */
export type EventSource = {
  readCursor(name: string, db: DbClient): Promise<number>;
  eventsAfter(afterId: number, options: { limit: number; db: DbClient }): Promise<NotifiableEvent[]>;
  advanceCursor(name: string, from: number, to: number, db: DbClient): Promise<boolean>;
};

export type NotifierOptions = {
  db: DbClient;
  events: EventSource;
  settings: Omit<BatchSettings, "now">;
  /** Between two looks when nothing woke it; also how soon a batch whose window ends is sent. */
  intervalMs?: number;
  now?: () => Date;
  /** Mails were queued: the mail worker may send them now. */
  onMailQueued?: () => void;
  log?: (level: "info" | "warn" | "error", event: string, fields: Record<string, unknown>) => void;
};

export type Notifier = {
  /** Handles the events after its cursor, then writes the mails that are due. */
  runOnce(): Promise<{ events: number; notifications: number; mails: number }>;
  start(): void;
  wake(): void;
  stop(): Promise<void>;
};

/** The consumer's name in EventCursor. */
export const NOTIFIER_CURSOR = "notifications";
const EVENTS_PER_PASS = 500;

/**
 * The reply-notification consumer of the event log (docs/decisions/036). Any number may
 * run (every server process and `npm run worker`): rows are unique per (event,
 * recipient), the cursor moves by compare-and-set, and a mail's batch id is unique, so a
 * notification is mailed once however many notifiers race.
 */
export function createNotifier({
  db,
  events,
  settings,
  intervalMs = 5000,
  now = () => new Date(),
  onMailQueued = () => {},
  log = () => {},
}: NotifierOptions): Notifier {
  async function runOnce() {
    const from = await events.readCursor(NOTIFIER_CURSOR, db);
    const batch = await events.eventsAfter(from, { limit: EVENTS_PER_PASS, db });
    let notifications = 0;
    if (batch.length > 0) {
      notifications = await recordNotifications(db, batch, now());
      // Another notifier moved it first: it handled (or is handling) the same events, and
      // the rows above were written idempotently, so nothing is lost or doubled.
      await events.advanceCursor(NOTIFIER_CURSOR, from, batch[batch.length - 1].id, db);
    }
    const mails = await sendDueNotifications(db, { ...settings, now: now() });
    if (mails > 0) {
      onMailQueued();
      log("info", "notifications.mailed", { mails });
    }
    return { events: batch.length, notifications, mails };
  }

  // A full pass means more events may be waiting: the loop runs again at once.
  const loop = createPollingLoop({
    run: async () => (await runOnce()).events === EVENTS_PER_PASS,
    intervalMs,
    onError: (error) => log("error", "notifications.failed", { error: (error as Error).message }),
  });
  return { runOnce, ...loop };
}
