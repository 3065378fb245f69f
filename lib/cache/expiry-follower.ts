import "server-only";
import { EVERYTHING_TAG } from "@/lib/cache/tags";
import {
  cacheExpiriesSince,
  latestCacheExpiryId,
  pruneCacheExpiries,
  recordCacheExpiry,
} from "@/lib/data/cache-expiries";
import type { DbClient } from "@/lib/db/client";

export type ExpiryFollowerOptions = {
  db: DbClient;
  /** This process's name in the log: it skips its own rows, already applied here. */
  origin: string;
  /** Expires `tags` in this process's caches (Next's and the page cache). */
  expireHere: (tags: string[]) => void;
  /** Between two reads of the log. */
  intervalMs?: number;
  /** How long rows are kept; a process that could not read for half of it expires everything. */
  retainMs?: number;
  /** Between two deletions of old rows. */
  pruneEveryMs?: number;
  /** How long an id skipped over is looked for again (PostgreSQL may commit ids out of order). */
  gapWaitMs?: number;
  /** Rows read per query. */
  batchSize?: number;
  now?: () => number;
  /** Where failures and recoveries are reported (console.error). */
  log?: (message: string) => void;
};

export type ExpiryFollower = {
  /** Writes tags this process expired, for the others; never throws (the change is done). */
  record(tags: string[]): Promise<void>;
  /** Reads the log once and applies what other processes expired. */
  poll(): Promise<void>;
  start(): void;
  stop(): void;
};

const MAX_TRACKED_GAPS = 1000;
/** Tags one row of the log may hold (lib/data/cache-expiries.ts reads at most 1,000). */
const MAX_TAGS_PER_ROW = 500;

/**
 * Writes one row at a time: tags recorded while a row is being written wait, together,
 * for the next one. Without load a row is written at once; under a burst of replies,
 * which all expire the same few tags, fifty replies cost one or two rows instead of
 * fifty writes contending for the lock. Each caller's promise settles once a row holding
 * its tags is written (or the write failed, which `write` reports).
 */
export function coalesce(write: (tags: string[]) => Promise<void>): (tags: string[]) => Promise<void> {
  let written: Promise<void> = Promise.resolve();
  let open: { tags: Set<string>; done: Promise<void> } | null = null;
  return (tags) => {
    if (tags.length === 0) return Promise.resolve();
    if (!open || open.tags.size + tags.length > MAX_TAGS_PER_ROW) {
      const batch: { tags: Set<string>; done: Promise<void> } = { tags: new Set(), done: written };
      const writeBatch = () => {
        if (open === batch) open = null;
        return write([...batch.tags]);
      };
      // The next row waits for this one whether or not it could be written.
      batch.done = written.then(writeBatch, writeBatch);
      written = batch.done;
      open = batch;
    }
    for (const tag of tags) open.tags.add(tag);
    return open.done;
  };
}

/**
 * Follows the shared expiry log (docs/decisions/021) for one server process. Reading
 * starts at the newest row when the process starts: its caches are empty then. Each
 * poll is one indexed query (`id > last seen`); a failing database is reported once,
 * the process keeps serving what it has, and the next poll tries again.
 */
export function createExpiryFollower({
  db,
  origin,
  expireHere,
  intervalMs = 250,
  retainMs = 10 * 60_000,
  pruneEveryMs = 60_000,
  gapWaitMs = 10_000,
  batchSize = 200,
  now = Date.now,
  log = (message) => console.error(message),
}: ExpiryFollowerOptions): ExpiryFollower {
  let lastSeen: number | null = null;
  // Ids below lastSeen not read yet: on PostgreSQL a sequence hands out ids before the
  // rows commit, so id 11 may be visible before id 10. Each is looked for until gapWaitMs.
  const gaps = new Map<number, number>();
  let lastRead = now();
  let failing = false;
  let lastPrune = now();
  let pruning = false;
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  function take(rows: { id: number; tags: string[]; origin: string }[], expired: Set<string>) {
    for (const row of rows) {
      if (gaps.delete(row.id)) {
        // Found late.
      } else if (lastSeen !== null && row.id > lastSeen) {
        for (let id = lastSeen + 1; id < row.id && gaps.size < MAX_TRACKED_GAPS; id++) gaps.set(id, now());
        lastSeen = row.id;
      }
      if (row.origin !== origin) for (const tag of row.tags) expired.add(tag);
    }
  }

  async function readNew(): Promise<Set<string>> {
    const expired = new Set<string>();
    if (lastSeen === null) {
      lastSeen = await latestCacheExpiryId(db);
      return expired;
    }
    for (const [id, since] of gaps) if (now() - since > gapWaitMs) gaps.delete(id);
    for (;;) {
      const rows = await cacheExpiriesSince(db, lastSeen, { missing: [...gaps.keys()], limit: batchSize });
      take(rows, expired);
      if (rows.length < batchSize) return expired;
    }
  }

  async function poll() {
    const startedAt = now();
    let expired: Set<string>;
    const firstRead = lastSeen === null;
    try {
      expired = await readNew();
    } catch (error) {
      if (!failing)
        log(
          `Cannot read the shared cache expiry log (${describe(error)}): this process keeps ` +
            `serving its cached pages and tries again every ${intervalMs} ms.`,
        );
      failing = true;
      return;
    }
    // Rows written while this process could not read may be pruned already, and before
    // its first read it did not know where the log stood: expire everything here.
    const blind = (firstRead && failing) || startedAt - lastRead > retainMs / 2;
    if (blind) expired.add(EVERYTHING_TAG);
    if (failing) log("The shared cache expiry log is readable again.");
    failing = false;
    lastRead = startedAt;
    if (expired.size > 0) expireHere([...expired]);
    if (now() - lastPrune >= pruneEveryMs) prune();
  }

  // Not awaited by the poll: on SQLite a delete waits for the write lock, reading does not.
  function prune() {
    if (pruning) return;
    pruning = true;
    lastPrune = now();
    pruneCacheExpiries(db, new Date(now() - retainMs))
      .catch((error) => log(`Could not prune the shared cache expiry log: ${describe(error)}`))
      .finally(() => (pruning = false));
  }

  async function loop() {
    try {
      await poll();
    } catch (error) {
      log(`Could not apply expired cache tags: ${describe(error)}`);
    }
    if (running) timer = setTimeout(loop, intervalMs).unref();
  }

  return {
    record: coalesce(async (tags) => {
      try {
        await recordCacheExpiry(db, tags, origin);
      } catch (error) {
        log(
          `Could not write expired cache tags to the shared log (${describe(error)}): other ` +
            "server processes show the old pages until their own caches expire them.",
        );
      }
    }),
    poll,
    start() {
      if (running) return;
      running = true;
      void loop();
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

// The last line of a driver's error names the cause; the message is cut short for the log.
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split("\n").at(-1)?.slice(0, 300) ?? "unknown error";
}
