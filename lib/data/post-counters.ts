import "server-only";
import { CounterBuffer, type CountResult } from "@/lib/data/counter-buffer";
import { onShutdown } from "@/lib/shutdown.mjs";
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
  // The server's shutdown (server.mjs, after its last request) writes what those
  // requests added since the signal, before the database connections close.
  onShutdown("view and share counters", () => Promise.all(all.map((buffer) => buffer.shutdown())));
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      // The server (server.mjs, like `next start`) has its own handler, which closes it
      // and exits: let it, while every view from the requests it is still finishing is
      // written at once.
      const exitIsOurs = process.listenerCount(signal) === 0;
      void Promise.all(all.map((buffer) => buffer.shutdown())).finally(() => {
        if (exitIsOurs) process.kill(process.pid, signal);
      });
    });
  }
  return created;
}
