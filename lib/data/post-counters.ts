import "server-only";
import { CounterBuffer, type CountResult } from "@/lib/data/counter-buffer";
import { onShutdown, shutdownIsManaged } from "@/lib/shutdown.mjs";
import type { Visitor } from "@/lib/visitors/visitor";

/**
 * "Total Views" and "N SHARES": at most one per visitor per post per day, crawlers never.
 * Counted in memory and written about once a second in a batch (lib/data/counter-buffer.ts,
 * docs/decisions/009); the answer already includes views not yet written.
 */
export type { CountResult };

type Counters = { view: CounterBuffer; share: CounterBuffer };

// One pair per process, on globalThis even in production: a route bundled twice, or a
// dev-mode reload, must not leave a second buffer (and a second set of exit hooks).
const globalForCounters = globalThis as unknown as { commonplaceCounters?: Counters };
const counters = (globalForCounters.commonplaceCounters ??= createCounters());

export function recordPostView(postId: number, visitor: Visitor | null): Promise<CountResult | null> {
  return counters.view.record(postId, visitor);
}

export function recordPostShare(postId: number, visitor: Visitor | null): Promise<CountResult | null> {
  return counters.share.record(postId, visitor);
}

/** The share count now (stored plus buffered), for a cached page to show; null when not readable. */
export async function currentShareCount(postId: number): Promise<number | null> {
  return (await counters.share.record(postId, null))?.count ?? null;
}

/** Writes every buffered view and share now (tests, scripts, shutdown). */
export async function flushPostCounters(): Promise<void> {
  await Promise.all([counters.view.flush(), counters.share.flush()]);
}

function createCounters(): Counters {
  const created = { view: new CounterBuffer("view"), share: new CounterBuffer("share") };
  const all = [created.view, created.share];
  // The flush timer is unref'd, so a script that recorded views would exit without
  // writing them: beforeExit fires once the loop is idle and gives the flush a chance.
  process.on("beforeExit", () => {
    if (all.some((buffer) => buffer.size > 0)) void Promise.all(all.map((buffer) => buffer.flush()));
  });
  // Under server.mjs, its shutdown (after the last request) writes what is buffered,
  // before the database connections close. Any other process (a script, `next dev`)
  // writes it when stopped, then stops by the same signal.
  onShutdown("view and share counters", () => Promise.all(all.map((buffer) => buffer.shutdown())));
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      if (shutdownIsManaged()) return;
      void Promise.all(all.map((buffer) => buffer.shutdown())).finally(() =>
        process.kill(process.pid, signal),
      );
    });
  }
  return created;
}
