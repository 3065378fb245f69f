import "server-only";
import { claimDueMails, markMailAttemptFailed, markMailSent } from "@/lib/data/outbox";
import type { DbClient } from "@/lib/db/client";
import { MailSendError, type MailTransport } from "@/lib/mail/transport";

export type MailWorkerOptions = {
  db: DbClient;
  transport: MailTransport;
  /** Attempts before a mail is marked failed. */
  maxAttempts: number;
  /** Between two looks at the outbox when nothing woke the worker. */
  intervalMs?: number;
  /** The wait after the first failed attempt; it doubles each time, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claim holds: longer than any send may take (lib/mail/transport.ts). */
  leaseMs?: number;
  batchSize?: number;
  now?: () => Date;
  /** Failures and give-ups, for the operator. */
  log?: (level: "info" | "warn" | "error", event: string, fields: Record<string, unknown>) => void;
};

export type MailWorker = {
  /** Claims what is due and sends it; resolves with what happened. */
  runOnce(): Promise<{ sent: number; retried: number; failed: number }>;
  /** Looks at the outbox every intervalMs (and when woken) until stopped. */
  start(): void;
  /** Looks now: a mail was just queued. */
  wake(): void;
  /** Stops looking; resolves once the batch being sent is done. */
  stop(): Promise<void>;
};

/** The wait before attempt `attempts + 1`: doubling from `baseMs`, capped, with ±20 % jitter. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const doubled = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(doubled * (0.8 + 0.4 * random()));
}

/**
 * The outbox's sender (docs/decisions/032). Every instance may run one: claims are
 * exclusive (lib/data/outbox.ts), so each mail goes out once, unless a worker dies after
 * the SMTP server took the mail and before it was marked sent (then at most twice, with
 * the same Message-ID). A database that fails is reported and tried again next time.
 */
export function createMailWorker({
  db,
  transport,
  maxAttempts,
  intervalMs = 5000,
  baseDelayMs = 30_000,
  maxDelayMs = 6 * 60 * 60_000,
  leaseMs = 10 * 60_000,
  batchSize = 20,
  now = () => new Date(),
  log = () => {},
}: MailWorkerOptions): MailWorker {
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;
  let running: Promise<unknown> | null = null;
  let again = false;

  async function runOnce() {
    const outcome = { sent: 0, retried: 0, failed: 0 };
    const { token, mails } = await claimDueMails(db, { limit: batchSize, leaseMs, now: now() });
    for (const mail of mails) {
      try {
        await transport.send(mail);
        if (!(await markMailSent(db, mail.id, token, now())))
          log("warn", "mail.claim_lost", { id: mail.id, kind: mail.kind });
        outcome.sent += 1;
        log("info", "mail.sent", { id: mail.id, kind: mail.kind, attempts: mail.attempts });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const permanent = error instanceof MailSendError && error.permanent;
        const last = permanent || mail.attempts >= maxAttempts;
        const retryAt = last
          ? null
          : new Date(now().getTime() + retryDelayMs(mail.attempts, baseDelayMs, maxDelayMs));
        await markMailAttemptFailed(db, mail.id, token, message, retryAt);
        if (last) outcome.failed += 1;
        else outcome.retried += 1;
        log(last ? "error" : "warn", last ? "mail.failed" : "mail.retry", {
          id: mail.id,
          kind: mail.kind,
          attempts: mail.attempts,
          error: message,
          retryAt: retryAt?.toISOString(),
        });
      }
    }
    // A full batch means more may be waiting.
    if (mails.length === batchSize) again = true;
    return outcome;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
    timer.unref?.();
  }

  function tick() {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = runOnce()
      .catch((error) => log("error", "mail.worker_failed", { error: (error as Error).message }))
      .finally(() => {
        running = null;
        schedule(again ? 0 : intervalMs);
      });
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    wake() {
      if (stopped) return;
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
