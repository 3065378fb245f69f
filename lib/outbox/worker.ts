import "server-only";
import { retryDelayMs } from "@/lib/outbox/claims";
import { createPollingLoop, type PollingLoop } from "@/lib/outbox/loop";

export type WorkerLog = (
  level: "info" | "warn" | "error",
  event: string,
  fields: Record<string, unknown>,
) => void;

/** What every outbox worker is tuned by (mails: lib/mail/worker.ts; webhooks: lib/webhooks/worker.ts). */
export type OutboxWorkerTuning = {
  /** Attempts before a row is marked failed. */
  maxAttempts: number;
  /** Between two looks at the table when nothing woke the worker. */
  intervalMs?: number;
  /** The wait after the first failed attempt; it doubles each time, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claim holds: longer than any one attempt may take. */
  leaseMs?: number;
  batchSize?: number;
  now?: () => Date;
  /** Failures and give-ups, for the operator. */
  log?: WorkerLog;
};

type Claimed = { id: string; attempts: number };

export type OutboxWorkerOptions<Item extends Claimed, Done> = OutboxWorkerTuning & {
  /** The log events' prefix: "mail" gives mail.sent, mail.retry, mail.failed… */
  name: string;
  claim(args: { limit: number; leaseMs: number; now: Date }): Promise<{ token: string; items: Item[] }>;
  /** One attempt; throws when it failed. */
  send(item: Item): Promise<Done>;
  markDone(item: Item, token: string, done: Done, now: Date): Promise<boolean>;
  markFailed(item: Item, token: string, error: unknown, message: string, retryAt: Date | null): Promise<void>;
  /** A failure no retry will mend (an address refused for good): given up at once. */
  isPermanent(error: unknown): boolean;
  /** What the log says about a row besides its id and attempts. */
  describe?(item: Item): Record<string, unknown>;
};

export type OutboxWorker = PollingLoop & {
  /** Claims what is due and tries it; resolves with what happened. */
  runOnce(): Promise<{ sent: number; retried: number; failed: number }>;
};

/**
 * An outbox's worker (docs/decisions/032): claim due rows, try each, mark it done, due
 * again after a growing wait, or failed after the last attempt. Every instance may run
 * one: claims are exclusive (lib/outbox/claims.ts), so each row is tried by one worker at
 * a time; a worker that dies after the far side took a row and before it was marked done
 * leaves a claim that expires, so delivery is at least once.
 */
export function createOutboxWorker<Item extends Claimed, Done>({
  name,
  claim,
  send,
  markDone,
  markFailed,
  isPermanent,
  describe = () => ({}),
  maxAttempts,
  intervalMs = 5000,
  baseDelayMs = 30_000,
  maxDelayMs = 6 * 60 * 60_000,
  leaseMs = 10 * 60_000,
  batchSize = 20,
  now = () => new Date(),
  log = () => {},
}: OutboxWorkerOptions<Item, Done>): OutboxWorker {
  let full = false;

  async function runOnce() {
    const outcome = { sent: 0, retried: 0, failed: 0 };
    const { token, items } = await claim({ limit: batchSize, leaseMs, now: now() });
    for (const item of items) {
      const fields = { id: item.id, ...describe(item) };
      try {
        const done = await send(item);
        if (!(await markDone(item, token, done, now()))) log("warn", `${name}.claim_lost`, fields);
        outcome.sent += 1;
        log("info", `${name}.sent`, { ...fields, attempts: item.attempts });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const last = isPermanent(error) || item.attempts >= maxAttempts;
        const retryAt = last
          ? null
          : new Date(now().getTime() + retryDelayMs(item.attempts, baseDelayMs, maxDelayMs));
        await markFailed(item, token, error, message, retryAt);
        if (last) outcome.failed += 1;
        else outcome.retried += 1;
        log(last ? "error" : "warn", last ? `${name}.failed` : `${name}.retry`, {
          ...fields,
          attempts: item.attempts,
          error: message,
          retryAt: retryAt?.toISOString(),
        });
      }
    }
    // A full batch means more may be waiting.
    full = items.length === batchSize;
    return outcome;
  }

  const loop = createPollingLoop({
    run: async () => {
      await runOnce();
      return full;
    },
    intervalMs,
    onError: (error) => log("error", `${name}.worker_failed`, { error: (error as Error).message }),
  });
  return { runOnce, ...loop };
}
