import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { appMailTransport, mailSettings } from "@/lib/mail/settings";
import { createMailWorker, type MailWorker } from "@/lib/mail/worker";
import { onShutdown } from "@/lib/shutdown.mjs";

// On globalThis: Next may bundle this module more than once, and the action that queues
// a mail must wake the worker instrumentation.ts started.
const KEY = Symbol.for("commonplace.mailWorker");
const shared = globalThis as { [KEY]?: MailWorker };

/** Starts this server process's mail worker (instrumentation.ts), unless MAIL_POLL_MS is 0. */
export function startMailWorker(): void {
  if (mailSettings.pollMs === 0 || shared[KEY]) return;
  const transport = appMailTransport();
  const worker = createMailWorker({
    db,
    transport,
    maxAttempts: mailSettings.maxAttempts,
    intervalMs: mailSettings.pollMs,
    log: (level, event, fields) => log[level](event, fields),
  });
  shared[KEY] = worker;
  worker.start();
  onShutdown("mail worker", async () => {
    await worker.stop();
    transport.close();
  });
}

/** A mail was just queued: send it now rather than at the next look (no-op without a worker here). */
export function wakeMailWorker(): void {
  shared[KEY]?.wake();
}
