import "server-only";
import type { DbClient } from "@/lib/db/client";
import type { RetentionRules } from "@/lib/housekeeping/retention";
import { housekeepIfDue } from "@/lib/housekeeping/run";
import { createPollingLoop } from "@/lib/outbox/loop";
import type { WorkerLog } from "@/lib/outbox/worker";

/** How often each process asks whether the hourly run is due: one cheap UPDATE. */
export const HOUSEKEEPING_LOOK_MS = 5 * 60_000;

export type HousekeepingWorker = {
  start(): void;
  /** Stops; a run in hand ends after its current batch. */
  stop(): Promise<void>;
  /** This hour's run if it is due and nobody else took it (`npm run worker -- --once`). */
  runOnce(): ReturnType<typeof housekeepIfDue>;
};

/**
 * Housekeeping on the workers' rhythm (lib/outbox/loop.ts): every server process and
 * `npm run worker` look every few minutes; the claim (lib/housekeeping/run.ts) lets one
 * of them run it, at most once an hour for the blog.
 */
export function createHousekeepingWorker(
  db: DbClient,
  log: WorkerLog,
  { rules, lookMs = HOUSEKEEPING_LOOK_MS }: { rules: RetentionRules; lookMs?: number },
): HousekeepingWorker {
  let stopping = false;
  const runOnce = () => housekeepIfDue(db, { rules, log, shouldStop: () => stopping });
  const loop = createPollingLoop({
    run: async () => {
      await runOnce();
      return false;
    },
    intervalMs: lookMs,
    onError: (error) => log("error", "housekeeping.failed", { error: (error as Error).message }),
  });
  return {
    start() {
      stopping = false;
      loop.start();
    },
    async stop() {
      stopping = true;
      await loop.stop();
    },
    runOnce,
  };
}
