import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createHousekeepingWorker, type HousekeepingWorker } from "@/lib/housekeeping/worker";
import { log } from "@/lib/log";
import { onShutdown } from "@/lib/shutdown.mjs";

// On globalThis: Next may bundle this module more than once; one worker per process.
const KEY = Symbol.for("commonplace.housekeeping");
const shared = globalThis as { [KEY]?: HousekeepingWorker };

/** Starts this server process's housekeeping (instrumentation.ts), unless HOUSEKEEPING_IN_SERVERS is off. */
export function startHousekeeping(): void {
  if (!env.HOUSEKEEPING_IN_SERVERS || shared[KEY]) return;
  const worker = createHousekeepingWorker(db, (level, event, fields) => log[level](event, fields), {
    rules: config.retention,
  });
  shared[KEY] = worker;
  worker.start();
  onShutdown("housekeeping", () => worker.stop());
}
