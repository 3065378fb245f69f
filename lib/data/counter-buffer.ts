import "server-only";
import { performance } from "node:perf_hooks";
import { db, dbProvider } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { counterStatements } from "@/lib/data/counter-statements";
import { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import type { Visitor } from "@/lib/visitors/visitor";

/**
 * Views and shares, counted once per visitor per post per day without a database write
 * per request (docs/decisions/009). A request reads the stored count and whether this
 * visitor is already stored (one read shared by the requests of the same ~2 ms), then
 * adds the visitor to an in-memory set. Every `intervalMs` (or at `batchSize` entries, or
 * on exit) the set is written: per post and day one INSERT … ON CONFLICT DO NOTHING,
 * whose change count is exactly the rows it created, then one UPDATE moving each counter
 * by exactly that. The database's key decides what counts, so a visitor held by two
 * buffers (a restart, two app instances) counts once. No transaction: on this shared
 * connection an open BEGIN would take in other requests' writes (security notes, 18).
 * A crash between the inserts and the update loses those increments; it never adds twice.
 * On PostgreSQL two instances flushing at once may deadlock on shared rows: each
 * statement is then run again (lib/db/retry.ts), and the keys still decide what counts.
 */
export type CountResult = { count: number; counted: boolean };
export type CounterKind = keyof typeof COUNTERS;
export type BatchReport = {
  kind: CounterKind;
  rows: number;
  inserted: number;
  statements: number;
  insertMs: number;
  updateMs: number;
};

export type CounterBufferOptions = {
  /** How long a view may wait in memory before it is written. */
  intervalMs?: number;
  /** Rows per INSERT; reaching it also starts a flush early. */
  batchSize?: number;
  /** How long a request waits for others to share its read (default 2 ms). */
  lookupWindowMs?: number;
  /** Hard memory bound: beyond it new visitors are not counted (and a warning is logged). */
  maxPending?: number;
  onBatch?: (report: BatchReport) => void;
};

// Each kind is counted in PostVisit rows of that kind and in its Post column. Column
// names come from this constant map only, never from input.
const COUNTERS = {
  view: { column: Prisma.raw('"viewCount"') },
  share: { column: Prisma.raw('"shareCount"') },
} as const;

type Entry = { postId: number; day: string; hash: string };
type Stored = { count: number; seen: boolean };
type Lookup = Entry & { resolve: (stored: Stored | null) => void; reject: (error: unknown) => void };
const MAX_LOOKUPS = 500;
const STATEMENT_ROWS = 500;
const counterSql = counterStatements[dbProvider];

export class CounterBuffer {
  readonly kind: CounterKind;
  readonly intervalMs: number;
  readonly batchSize: number;
  readonly maxPending: number;
  readonly lookupWindowMs: number;
  /** Views refused because the buffer was full. */
  dropped = 0;

  #pending = new Map<string, Entry>();
  #inflight = new Set<string>();
  // Per post: buffered + in-flight entries + inserted rows whose increment is not yet stored.
  #unapplied = new Map<number, number>();
  #owed = new Map<number, number>();
  #timer: NodeJS.Timeout | null = null;
  #queued: Promise<void> | null = null;
  #tail: Promise<void> = Promise.resolve();
  #lookups: Lookup[] = [];
  #lookupTimer: NodeJS.Timeout | null = null;
  #lastWarning = 0;
  #closing = false;
  #onBatch?: (report: BatchReport) => void;

  constructor(
    kind: CounterKind,
    {
      intervalMs = 1000,
      batchSize = 2000,
      maxPending = 50_000,
      lookupWindowMs = 2,
      onBatch,
    }: CounterBufferOptions = {},
  ) {
    this.kind = kind;
    this.intervalMs = intervalMs;
    this.batchSize = batchSize;
    this.maxPending = maxPending;
    this.lookupWindowMs = lookupWindowMs;
    this.#onBatch = onBatch;
  }

  /**
   * Counts the visitor (null: a crawler, counts nothing) unless already counted today,
   * and returns the stored count plus what this process has not written yet, so the
   * reader sees their own view. Null when the post is not readable.
   */
  async record(postId: number, visitor: Visitor | null): Promise<CountResult | null> {
    const stored = await this.#lookup(postId, visitor);
    if (!stored) return null;
    let counted = false;
    if (visitor && !stored.seen) {
      const key = `${postId}\n${visitor.day}\n${visitor.hash}`;
      if (!this.#pending.has(key) && !this.#inflight.has(key))
        counted = this.#add(key, { postId, day: visitor.day, hash: visitor.hash });
    }
    return { count: stored.count + this.pendingFor(postId), counted };
  }

  /** Counted here but not yet in Post's counter. */
  pendingFor(postId: number): number {
    return this.#unapplied.get(postId) ?? 0;
  }

  get size(): number {
    return this.#pending.size + this.#inflight.size;
  }

  /** Writes everything buffered so far. Concurrent calls share one queued flush. */
  flush(): Promise<void> {
    if (!this.#queued) {
      const run = this.#tail.then(() => {
        this.#queued = null;
        return this.#drain();
      });
      this.#queued = this.#tail = run;
    }
    return this.#queued;
  }

  /** From now on every new view is written at once (the process is stopping); flushes. */
  shutdown(): Promise<void> {
    this.#closing = true;
    return this.flush();
  }

  #add(key: string, entry: Entry): boolean {
    if (this.size >= this.maxPending) {
      this.dropped++;
      if (Date.now() - this.#lastWarning > 60_000) {
        this.#lastWarning = Date.now();
        log.warn("Counter buffer full: not counting new visitors until it drains", {
          counter: this.kind,
          maxPending: this.maxPending,
        });
      }
      return false;
    }
    this.#pending.set(key, entry);
    this.#bump(this.#unapplied, entry.postId, 1);
    if (this.#closing || this.#pending.size >= this.batchSize) void this.flush();
    else this.#arm();
    return true;
  }

  #arm() {
    if (this.#timer || (this.#pending.size === 0 && this.#owed.size === 0)) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.flush();
    }, this.intervalMs);
    // A pending flush must not keep a script or test process alive; exit hooks flush it.
    this.#timer.unref();
  }

  async #drain(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    try {
      do {
        const batch: [string, Entry][] = [];
        for (const item of this.#pending) {
          if (batch.length === this.batchSize) break;
          batch.push(item);
        }
        if (batch.length === 0 && this.#owed.size === 0) break;
        for (const [key] of batch) {
          this.#pending.delete(key);
          this.#inflight.add(key);
        }
        await this.#writeBatch(batch);
      } while (this.#pending.size >= this.batchSize);
    } catch (error) {
      log.error("Counter flush failed; retrying", { counter: this.kind, retryInMs: this.intervalMs, error });
    } finally {
      this.#arm();
    }
  }

  async #writeBatch(batch: [string, Entry][]) {
    const { column } = COUNTERS[this.kind];
    const kind = this.kind;
    const started = performance.now();
    // One INSERT per (post, day, up to STATEMENT_ROWS visitors): its change count is
    // exactly the rows it created, with no RETURNING rows to read back (Prisma maps those
    // at ~10 µs each). better-sqlite3 is synchronous, so each statement blocks the event
    // loop while it runs: keep them small and yield to pending requests in between.
    const groups = new Map<string, { postId: number; day: string; hashes: string[] }>();
    for (const [, { postId, day, hash }] of batch) {
      let id = `${postId}\n${day}\n0`;
      for (let n = 1; (groups.get(id)?.hashes.length ?? 0) >= STATEMENT_ROWS; n++)
        id = `${postId}\n${day}\n${n}`;
      const group = groups.get(id) ?? { postId, day, hashes: [] };
      group.hashes.push(hash);
      groups.set(id, group);
    }
    const statements = groups.size;
    let inserted = 0;
    try {
      for (const [id, { postId, day, hashes }] of groups) {
        await new Promise((resolve) => setImmediate(resolve));
        // A post deleted meanwhile gets no rows instead of failing on the foreign key.
        // Sorted, so two instances inserting the same visitors take their keys in one order.
        const visit = { postId, kind, day, hashes: hashes.toSorted() };
        const created = await retryOnConflict(() => db.$executeRaw(counterSql.insertVisits(visit)));
        groups.delete(id);
        inserted += created;
        this.#bump(this.#owed, postId, created);
        this.#bump(this.#unapplied, postId, created - hashes.length);
        for (const hash of hashes) this.#inflight.delete(`${postId}\n${day}\n${hash}`);
      }
    } catch (error) {
      // Put the rest back: the insert is idempotent, so a retry cannot count twice.
      for (const { postId, day, hashes } of groups.values()) {
        for (const hash of hashes) {
          const key = `${postId}\n${day}\n${hash}`;
          this.#inflight.delete(key);
          this.#pending.set(key, { postId, day, hash });
        }
      }
      throw error;
    }
    const insertMs = performance.now() - started;
    const owed = [...this.#owed].sort(([a], [b]) => a - b);
    if (owed.length > 0) {
      await retryOnConflict(() => db.$executeRaw(counterSql.addToCounters(column, owed)));
      for (const [postId, n] of owed) {
        this.#bump(this.#owed, postId, -n);
        this.#bump(this.#unapplied, postId, -n);
      }
    }
    this.#onBatch?.({
      kind: this.kind,
      rows: batch.length,
      inserted,
      statements,
      insertMs,
      updateMs: performance.now() - started - insertMs,
    });
  }

  #bump(map: Map<number, number>, postId: number, by: number) {
    const next = (map.get(postId) ?? 0) + by;
    if (next === 0) map.delete(postId);
    else map.set(postId, next);
  }

  // Requests arriving within `lookupWindowMs` share one read: a Prisma round trip costs
  // about a millisecond whatever it does, more than a view may cost at 1,000 a second.
  #lookup(postId: number, visitor: Visitor | null): Promise<Stored | null> {
    return new Promise((resolve, reject) => {
      this.#lookups.push({ postId, day: visitor?.day ?? "", hash: visitor?.hash ?? "", resolve, reject });
      if (this.#lookups.length >= MAX_LOOKUPS) void this.#runLookups();
      else this.#lookupTimer ??= setTimeout(() => void this.#runLookups(), this.lookupWindowMs);
    });
  }

  async #runLookups() {
    if (this.#lookupTimer) clearTimeout(this.#lookupTimer);
    this.#lookupTimer = null;
    const waiting = this.#lookups.splice(0);
    if (waiting.length === 0) return;
    const { column } = COUNTERS[this.kind];
    const kind = this.kind;
    try {
      // One row per readable post (not per request), with the indexes of the visitors
      // already stored: Prisma's per-row cost is what this read must keep small.
      const lookups = waiting.map((w): [number, string, string] => [w.postId, w.day, w.hash]);
      const rows = await db.$queryRaw<{ postId: number | bigint; count: number | bigint; seen: string }[]>(
        counterSql.lookupVisits(column, kind, lookups),
      );
      const counts = new Map<number, number>();
      const seen = new Set<number>();
      for (const row of rows) {
        counts.set(Number(row.postId), Number(row.count));
        for (const i of JSON.parse(row.seen) as number[]) seen.add(i);
      }
      waiting.forEach((w, i) => {
        const count = counts.get(w.postId);
        w.resolve(count === undefined ? null : { count, seen: seen.has(i) });
      });
    } catch (error) {
      for (const w of waiting) w.reject(error);
    }
  }
}
