import { LIVE_EVENT_KINDS, liveMessage, type LiveComment, type LiveEventKind } from "@/lib/live/messages";

/** One row of the event log, as far as the hub needs it (lib/events/log.ts). */
export type LogEvent = { id: number; kind: string; postId: number; commentId: number | null };

/** An open stream: where it writes, and where its reader stands in the log. */
export type LiveStream = {
  postId: number;
  /** The last event id the reader has (Last-Event-ID, or the id its page was rendered at). */
  after: number | null;
  /** The client's address, for the per-address cap; null when unknown (not capped). */
  ip: string | null;
  /** Writes SSE text; false when the reader does not keep up (the stream is then closed). */
  write(text: string): boolean;
  /** Ends the response (the hub is done with it: too slow, too far behind, shutting down). */
  end(): void;
};

export type LiveHubOptions = {
  /**
   * The log after `afterId`, ascending, at most `limit`, stopping before ids still being
   * committed; with `postId` that post's only, up to `upTo` (a point already read whole).
   */
  readEvents(
    afterId: number,
    options: { postId?: number; upTo?: number; limit: number },
  ): Promise<LogEvent[]>;
  /** The newest id in the log (0 when empty). */
  latestId(): Promise<number>;
  /** The public state of these comments now (published ones only; others are absent). */
  describe(commentIds: number[]): Promise<Map<number, LiveComment>>;
  /** In-process wake-up after a write recorded events; returns an unsubscribe. */
  onWake?(listener: () => void): () => void;
  intervalMs?: number;
  heartbeatMs?: number;
  maxStreams?: number;
  /** 0: no cap per address. */
  maxStreamsPerIp?: number;
  batchSize?: number;
  /** A reader further behind than this many events of its post is told to reload. */
  maxCatchUp?: number;
  log?: (message: string) => void;
};

export type OpenResult = { ok: true; close: () => void } | { ok: false; reason: "full" | "address" };

export type LiveHub = {
  open(stream: LiveStream): OpenResult;
  /** Reads the log once and fans out (what the timer does; tests call it directly). */
  poll(): Promise<void>;
  readonly streamCount: number;
  /** Whether the hub is polling (only while a stream is open). */
  readonly active: boolean;
  /** Ends every stream (shutdown). */
  closeAll(): void;
};

type Entry = {
  stream: LiveStream;
  /** Events up to here were sent (or are not for this reader). */
  cursor: number;
  /** Until it has caught up from an older id: what the hub read meanwhile, sent after. */
  buffer: { id: number; text: string }[] | null;
  closed: boolean;
};

const STREAMED = new Set<string>(LIVE_EVENT_KINDS);

/**
 * One poller per server process for every open stream (docs/decisions/038). While at
 * least one stream is open it reads the shared event log after the last id it handled —
 * one indexed query for all posts — once per interval, and at once when this process
 * records events; it sends each event to the streams of its post. With no stream open
 * it has no timer and makes no query. Every process reads the same log, so a comment
 * written through one instance reaches readers streaming from any other.
 *
 * Ids are delivered in order, each once per stream: a stream that resumes from an older
 * id first reads its own post's events up to where the hub stands (buffering what the
 * hub reads meanwhile), then joins the fan-out. The log itself holds back ids still
 * being committed on PostgreSQL (lib/events/log.ts), so the hub never passes one.
 */
export function createLiveHub({
  readEvents,
  latestId,
  describe,
  onWake,
  intervalMs = 1000,
  heartbeatMs = 25_000,
  maxStreams = 2000,
  maxStreamsPerIp = 0,
  batchSize = 500,
  maxCatchUp = 2000,
  log = (message) => console.error(message),
}: LiveHubOptions): LiveHub {
  const byPost = new Map<number, Set<Entry>>();
  const perIp = new Map<string, number>();
  let count = 0;
  // Where the hub stands: every id up to here was read and sent (or given up as never
  // committed). Null while no stream is open: nothing is read then.
  let horizon: number | null = null;
  let starting: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let polling: Promise<void> | null = null;
  let again = false;
  let failing = false;
  let generation = 0;

  function start() {
    const started = ++generation;
    starting = latestId().then(
      (latest) => {
        if (generation !== started) return;
        horizon = latest;
        starting = null;
      },
      (error) => {
        if (generation !== started) return;
        starting = null;
        report(error);
        // Nothing is known: every stream reconnects later (EventSource retries).
        closeAll();
      },
    );
    unsubscribe = onWake?.(wake) ?? null;
    heartbeat = setInterval(() => {
      for (const entries of byPost.values()) for (const entry of entries) send(entry, ": \n\n");
    }, heartbeatMs);
    heartbeat.unref();
    schedule();
  }

  function stop() {
    generation++;
    horizon = null;
    starting = null;
    unsubscribe?.();
    unsubscribe = null;
    if (timer) clearTimeout(timer);
    if (heartbeat) clearInterval(heartbeat);
    timer = heartbeat = null;
  }

  function schedule() {
    if (timer || count === 0) return;
    timer = setTimeout(() => {
      timer = null;
      void poll().finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  function wake() {
    if (count === 0) return;
    void poll();
  }

  function send(entry: Entry, text: string) {
    if (entry.closed) return;
    if (!entry.stream.write(text)) drop(entry);
  }

  function drop(entry: Entry) {
    if (entry.closed) return;
    remove(entry);
    entry.stream.end();
  }

  function remove(entry: Entry) {
    if (entry.closed) return;
    entry.closed = true;
    const entries = byPost.get(entry.stream.postId);
    entries?.delete(entry);
    if (entries?.size === 0) byPost.delete(entry.stream.postId);
    const ip = entry.stream.ip;
    if (ip !== null) {
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left <= 0) perIp.delete(ip);
      else perIp.set(ip, left);
    }
    count--;
    if (count === 0) stop();
  }

  function closeAll() {
    for (const entries of [...byPost.values()]) for (const entry of [...entries]) drop(entry);
  }

  function report(error: unknown) {
    if (failing) return;
    failing = true;
    const message = error instanceof Error ? error.message : String(error);
    log(`Live threads cannot read the event log (${message.trim().split("\n").at(-1)}); trying again.`);
  }

  /** The messages for `events` (those of watched posts, of streamed kinds), by event id. */
  async function messagesFor(events: LogEvent[]): Promise<Map<number, string>> {
    const wanted = events.filter((event) => STREAMED.has(event.kind) && event.commentId !== null);
    const messages = new Map<number, string>();
    if (wanted.length === 0) return messages;
    const comments = await describe([...new Set(wanted.map((event) => event.commentId as number))]);
    for (const event of wanted) {
      const comment = comments.get(event.commentId as number);
      // Held, or gone from the table: nothing a reader may see.
      if (comment) messages.set(event.id, liveMessage(event.id, event.kind as LiveEventKind, comment));
    }
    return messages;
  }

  function deliver(entry: Entry, id: number, message: string | undefined) {
    if (entry.closed) return;
    if (entry.buffer) {
      if (message !== undefined) entry.buffer.push({ id, text: message });
      return;
    }
    if (id <= entry.cursor) return;
    entry.cursor = id;
    if (message !== undefined) send(entry, message);
  }

  async function readOnce(): Promise<boolean> {
    if (horizon === null) return false;
    const from = horizon;
    // The log stops short of ids still being committed (lib/events/log.ts): read in order.
    const rows = await readEvents(from, { limit: batchSize });
    const watched = rows.filter((event) => byPost.has(event.postId));
    const messages = await messagesFor(watched);
    if (horizon !== from) return false;
    for (const event of watched) {
      const message = messages.get(event.id);
      for (const entry of byPost.get(event.postId) ?? []) deliver(entry, event.id, message);
    }
    horizon = rows.at(-1)?.id ?? from;
    return rows.length === batchSize;
  }

  async function poll(): Promise<void> {
    if (polling) {
      again = true;
      return polling;
    }
    polling = (async () => {
      try {
        if (starting) await starting;
        do {
          again = false;
          while (await readOnce());
        } while (again && count > 0);
        failing = false;
      } catch (error) {
        report(error);
      } finally {
        polling = null;
      }
    })();
    return polling;
  }

  /** Sends the post's events between the stream's id and the hub's, then joins the fan-out. */
  async function catchUp(entry: Entry) {
    if (starting) await starting;
    if (entry.closed || horizon === null) return;
    const until = horizon;
    let cursor = entry.stream.after ?? until;
    let read = 0;
    while (cursor < until) {
      const rows = await readEvents(cursor, { postId: entry.stream.postId, upTo: until, limit: batchSize });
      if (entry.closed) return;
      read += rows.length;
      if (read > maxCatchUp) {
        // Too much happened: the page is better reloaded than replayed.
        send(entry, "event: reload\ndata: {}\n\n");
        drop(entry);
        return;
      }
      const messages = await messagesFor(rows);
      if (entry.closed) return;
      for (const row of rows) {
        const message = messages.get(row.id);
        if (message !== undefined) send(entry, message);
      }
      if (rows.length < batchSize) break;
      cursor = rows[rows.length - 1].id;
    }
    // What the hub sent while this one caught up, past what it already has.
    entry.cursor = Math.max(entry.stream.after ?? until, until);
    const buffered = entry.buffer ?? [];
    entry.buffer = null;
    for (const { id, text } of buffered) {
      if (id <= entry.cursor) continue;
      entry.cursor = id;
      send(entry, text);
    }
  }

  return {
    open(stream) {
      if (count >= maxStreams) return { ok: false, reason: "full" };
      if (stream.ip !== null && maxStreamsPerIp > 0 && (perIp.get(stream.ip) ?? 0) >= maxStreamsPerIp)
        return { ok: false, reason: "address" };
      const entry: Entry = { stream, cursor: 0, buffer: [], closed: false };
      count++;
      if (stream.ip !== null) perIp.set(stream.ip, (perIp.get(stream.ip) ?? 0) + 1);
      let entries = byPost.get(stream.postId);
      if (!entries) byPost.set(stream.postId, (entries = new Set()));
      entries.add(entry);
      if (count === 1) start();
      catchUp(entry).catch((error) => {
        report(error);
        drop(entry);
      });
      return { ok: true, close: () => remove(entry) };
    },
    poll,
    get streamCount() {
      return count;
    },
    get active() {
      return horizon !== null || starting !== null;
    },
    closeAll,
  };
}
