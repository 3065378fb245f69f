/**
 * `npm run worker`: sends the outbox's mails (docs/decisions/032), delivers webhooks
 * (docs/decisions/037) and does the hourly housekeeping (docs/decisions/039) in a process
 * of its own, the same loops the server runs. Run it
 * with MAIL_POLL_MS=0 / WEBHOOKS_POLL_MS=0 on the servers to keep the work out of them,
 * or beside them: claims are exclusive, so any number of workers never send a mail or a
 * delivery twice at once, and housekeeping runs at most once an hour for the blog
 * whoever asks. `--once` does what is due now and exits (for cron).
 * Stops on SIGTERM/SIGINT once the mail or delivery in hand is done. It also runs the
 * reply notifier (docs/decisions/036), which turns the event log into queued mails; any
 * number of notifiers mail each notification once.
 */
import { loadEnvFiles } from "@/lib/env-files.mjs";
import { runCli } from "./lib/run-cli";

// Before anything reads the environment (lib/env.ts parses it on import).
loadEnvFiles();
const { createDbClient } = await import("@/lib/db/client");
const { outboxCounts } = await import("@/lib/data/outbox");
const { log } = await import("@/lib/log");
const { appMailTransport, mailSettings } = await import("@/lib/mail/settings");
const { createMailWorker } = await import("@/lib/mail/worker");
const { createWebhookWorkers } = await import("@/lib/webhooks/workers");
const { webhookSettings } = await import("@/lib/webhooks/settings");
const { createHousekeepingWorker } = await import("@/lib/housekeeping/worker");
const { config } = await import("@/lib/config");
const { eventLog, notifierSettings } = await import("@/lib/notifications/event-source");
const { createNotifier } = await import("@/lib/notifications/notifier");

async function main(): Promise<number> {
  const db = createDbClient();
  const transport = appMailTransport();
  const worker = createMailWorker({
    db,
    transport,
    maxAttempts: mailSettings.maxAttempts,
    // MAIL_POLL_MS=0 keeps the servers from sending; this process still looks every 5 s.
    intervalMs: mailSettings.pollMs || 5000,
    log: (level, event, fields) => log[level](event, fields),
  });
  const webhooks = createWebhookWorkers(db, (level, event, fields) => log[level](event, fields), {
    // WEBHOOKS_POLL_MS=0 keeps the servers from delivering; this process still looks every 5 s.
    intervalMs: webhookSettings.pollMs || 5000,
  });
  const notifier = createNotifier({
    db,
    events: eventLog,
    settings: notifierSettings,
    intervalMs: mailSettings.pollMs || 5000,
    onMailQueued: () => worker.wake(),
    log: (level, event, fields) => log[level](event, fields),
  });
  const housekeeping = createHousekeepingWorker(db, (level, event, fields) => log[level](event, fields), {
    rules: config.retention,
  });
  const close = async () => {
    transport.close();
    await db.$disconnect();
  };
  if (!mailSettings.configured)
    log.warn("mail.not_configured", { reason: "SMTP_URL is not set", dir: mailSettings.dir });

  if (process.argv.includes("--once")) {
    // Notifications first: the mails they queue are then sent below.
    for (;;) {
      const { events, mails } = await notifier.runOnce();
      if (events === 0 && mails === 0) break;
    }
    let total = 0;
    for (;;) {
      const { sent, retried, failed } = await worker.runOnce();
      total += sent + retried + failed;
      if (sent + retried + failed === 0) break;
    }
    console.log(`Outbox: ${total} handled; now ${JSON.stringify(await outboxCounts(db))}.`);
    console.log(`Webhooks: ${await webhooks.runOnce()} deliveries tried.`);
    const kept = await housekeeping.runOnce();
    console.log(
      kept
        ? `Housekeeping: deleted ${JSON.stringify(kept)}.`
        : "Housekeeping: not due (it runs at most once an hour for the blog).",
    );
    await close();
    return 0;
  }

  log.info("mail.worker_started", { pollMs: mailSettings.pollMs || 5000, outbox: await outboxCounts(db) });
  worker.start();
  webhooks.start();
  housekeeping.start();
  notifier.start();
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await notifier.stop();
  await worker.stop();
  await webhooks.stop();
  await housekeeping.stop();
  await close();
  log.info("mail.worker_stopped", {});
  return 0;
}

runCli(main);
