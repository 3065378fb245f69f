import "server-only";
import { db } from "@/lib/db";
import { onEventsRecordedAtMostEvery } from "@/lib/events/log";
import { log } from "@/lib/log";
import { mailSettings } from "@/lib/mail/settings";
import { wakeMailWorker } from "@/lib/mail/server-worker";
import { eventLog, notifierSettings } from "@/lib/notifications/event-source";
import { createNotifier, type Notifier } from "@/lib/notifications/notifier";
import { onShutdown } from "@/lib/shutdown.mjs";

/** How soon after a write this process's consumer runs (a burst: once per this). */
const WAKE_MS = 250;

// On globalThis, like the mail worker (lib/mail/server-worker.ts): one per process.
const KEY = Symbol.for("commonplace.notifier");
const shared = globalThis as { [KEY]?: Notifier };

/**
 * Starts this server process's notifier (instrumentation.ts, docs/decisions/036), beside
 * the mail worker and on its rhythm: MAIL_POLL_MS=0 keeps both out of the servers.
 */
export function startNotifier(): void {
  if (mailSettings.pollMs === 0 || shared[KEY]) return;
  const notifier = createNotifier({
    db,
    events: eventLog,
    settings: notifierSettings,
    intervalMs: mailSettings.pollMs,
    onMailQueued: wakeMailWorker,
    log: (level, event, fields) => log[level](event, fields),
  });
  shared[KEY] = notifier;
  notifier.start();
  // A reply's mail may wait a quarter of a second; a burst wakes the notifier once per that.
  const unsubscribe = onEventsRecordedAtMostEvery(WAKE_MS, () => notifier.wake());
  onShutdown("notifier", async () => {
    unsubscribe();
    await notifier.stop();
  });
}
