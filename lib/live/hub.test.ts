import { afterEach, describe, expect, it } from "vitest";
import { describeLiveComments } from "@/lib/data/live-comments";
import { db } from "@/lib/db";
import { eventsAfter, latestEventId, recordEvent, type SiteEventKind } from "@/lib/events/log";
import { createLiveHub, type LiveHub, type LiveHubOptions } from "@/lib/live/hub";
import { parseLiveEvent, type LiveEvent } from "@/lib/live/messages";
import { createComments, createPost } from "@/tests/support/factories";

const hubs: LiveHub[] = [];
afterEach(() => {
  for (const hub of hubs.splice(0)) hub.closeAll();
});

/** A hub on the real event log, counting the queries it makes. */
function hubOnLog(options: Partial<LiveHubOptions> = {}) {
  const queries = { read: 0, latest: 0, describe: 0 };
  const hub = createLiveHub({
    readEvents: (afterId, { postId, upTo, limit }) => {
      queries.read++;
      return eventsAfter(afterId, { postId, upTo, limit, db });
    },
    latestId: () => {
      queries.latest++;
      return latestEventId({ db });
    },
    describe: (ids) => {
      queries.describe++;
      return describeLiveComments(ids, db);
    },
    intervalMs: 20,
    log: () => {},
    ...options,
  });
  hubs.push(hub);
  return { hub, queries };
}

/** A stream that keeps what it is sent, parsed. */
function reader(postId: number, after: number | null = null, ip: string | null = null) {
  const events: LiveEvent[] = [];
  const raw: string[] = [];
  let ended = false;
  return {
    events,
    raw,
    get ended() {
      return ended;
    },
    stream: {
      postId,
      after,
      ip,
      write(text: string) {
        raw.push(text);
        const id = /^id: (\d+)/.exec(text)?.[1];
        const data = /\ndata: (.*)\n/.exec(text)?.[1];
        if (id && data) {
          const event = parseLiveEvent(id, data);
          if (event) events.push(event);
        }
        return true;
      },
      end() {
        ended = true;
      },
    },
  };
}

async function record(kind: SiteEventKind, postId: number, commentId: number): Promise<number> {
  await recordEvent(db, { kind, postId, commentId });
  return latestEventId({ postId, db });
}

async function newComment(postId: number, body = "Hello"): Promise<{ commentId: number; eventId: number }> {
  const [commentId] = await createComments(postId, [{ body }]);
  return { commentId, eventId: await record("comment.created", postId, commentId) };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, ms = 3000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await wait(10);
  }
}

describe("live hub", () => {
  it("makes no query and keeps no timer while no stream is open", async () => {
    const post = await createPost();
    const { hub, queries } = hubOnLog();
    await newComment(post.id);
    await wait(100);
    await hub.poll();
    expect(queries).toEqual({ read: 0, latest: 0, describe: 0 });
    expect(hub.active).toBe(false);

    const a = reader(post.id);
    const opened = hub.open(a.stream);
    expect(opened.ok).toBe(true);
    await until(() => queries.read > 1);
    expect(hub.active).toBe(true);

    if (opened.ok) opened.close();
    expect(hub.active).toBe(false);
    await wait(50);
    const after = { ...queries };
    await newComment(post.id);
    await wait(100);
    expect(queries).toEqual(after);
  });

  it("sends each post's events to that post's streams, once per interval for all posts", async () => {
    const [first, second] = [await createPost(), await createPost()];
    const { hub, queries } = hubOnLog({ intervalMs: 60_000 });
    const [a1, a2, b1] = [reader(first.id), reader(first.id), reader(second.id)];
    for (const r of [a1, a2, b1]) hub.open(r.stream);
    await hub.poll();
    const before = queries.read;

    const { commentId, eventId } = await newComment(first.id, "Live text with https://example.com/x");
    const other = await newComment(second.id);
    await hub.poll();
    // One read of the log for both posts (and one for the comments' state).
    expect(queries.read - before).toBe(1);
    for (const r of [a1, a2]) {
      expect(r.events).toHaveLength(1);
      expect(r.events[0]).toMatchObject({ id: eventId, kind: "comment.created", comment: { id: commentId } });
      expect(r.events[0].comment.text?.[0][0]).toContainEqual({
        kind: "link",
        text: "https://example.com/x",
        href: "https://example.com/x",
      });
    }
    expect(b1.events.map((event) => event.id)).toEqual([other.eventId]);
  });

  it("wakes at once when this process records an event", async () => {
    const post = await createPost();
    const listeners = new Set<() => void>();
    const { hub } = hubOnLog({
      intervalMs: 60_000,
      onWake: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    const a = reader(post.id);
    hub.open(a.stream);
    await hub.poll();
    expect(listeners.size).toBe(1);
    const { eventId } = await newComment(post.id);
    for (const listener of listeners) listener();
    await until(() => a.events.length === 1);
    expect(a.events[0].id).toBe(eventId);
    hub.closeAll();
    expect(listeners.size).toBe(0);
  });

  it("resumes after an id with no gap and no repeat, on a hub that has run for a while or just started", async () => {
    const post = await createPost();
    const start = await latestEventId({ postId: post.id, db });
    const written = [await newComment(post.id), await newComment(post.id), await newComment(post.id)];

    // Another instance's hub, started after the events: it catches the reader up.
    const { hub } = hubOnLog({ intervalMs: 60_000, batchSize: 2 });
    const resumed = reader(post.id, written[0].eventId);
    hub.open(resumed.stream);
    const fresh = reader(post.id, start);
    hub.open(fresh.stream);
    // Written while they catch up.
    const later = await newComment(post.id);
    await hub.poll();
    await until(() => fresh.events.length === 4);
    await hub.poll();
    expect(resumed.events.map((event) => event.id)).toEqual([
      written[1].eventId,
      written[2].eventId,
      later.eventId,
    ]);
    expect(fresh.events.map((event) => event.id)).toEqual([...written, later].map((w) => w.eventId));

    // A reconnect from the last id it got: nothing again, then only what is new.
    const reconnected = reader(post.id, later.eventId);
    hub.open(reconnected.stream);
    const last = await newComment(post.id);
    await hub.poll();
    await until(() => reconnected.events.length === 1);
    expect(reconnected.events.map((event) => event.id)).toEqual([last.eventId]);
  });

  it("holds what the hub reads while a stream catches up, and sends it after, in order", async () => {
    const post = await createPost();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { hub } = hubOnLog({
      intervalMs: 60_000,
      // The resuming stream's own read of its post waits until the hub has read past it.
      readEvents: async (afterId, { postId, upTo, limit }) => {
        if (postId !== undefined) await gate;
        return eventsAfter(afterId, { postId, upTo, limit, db });
      },
    });
    const watcher = reader(post.id);
    hub.open(watcher.stream);
    await hub.poll();
    const start = await latestEventId({ postId: post.id, db });
    const earlier = [await newComment(post.id), await newComment(post.id)];
    await hub.poll();

    const resumed = reader(post.id, start);
    hub.open(resumed.stream);
    const meanwhile = await newComment(post.id);
    await hub.poll();
    expect(watcher.events.map((event) => event.id)).toEqual([...earlier, meanwhile].map((w) => w.eventId));
    expect(resumed.events).toEqual([]);

    release();
    await until(() => resumed.events.length === 3);
    const last = await newComment(post.id);
    await hub.poll();
    expect(resumed.events.map((event) => event.id)).toEqual(
      [...earlier, meanwhile, last].map((w) => w.eventId),
    );
  });

  it("sends the state a reader may see: no held comment, no deleted or hidden text", async () => {
    const post = await createPost();
    const { hub } = hubOnLog({ intervalMs: 60_000 });
    const a = reader(post.id);
    hub.open(a.stream);
    await hub.poll();
    const [held] = await createComments(post.id, [{ body: "Held text" }]);
    await db.comment.update({ where: { id: held }, data: { status: "held" } });
    await record("comment.held", post.id, held);
    await record("comment.edited", post.id, held);
    const { commentId } = await newComment(post.id, "Soon deleted");
    await db.comment.update({
      where: { id: commentId },
      data: { deletedAt: new Date(), deletedReason: "moderator" },
    });
    const deleted = await record("comment.deleted", post.id, commentId);
    await hub.poll();
    expect(a.raw.join("")).not.toContain("Held text");
    expect(a.raw.join("")).not.toContain("Soon deleted");
    expect(a.events.map((event) => [event.kind, event.comment.deleted])).toEqual([
      ["comment.created", "moderator"],
      ["comment.deleted", "moderator"],
    ]);
    expect(a.events.at(-1)?.id).toBe(deleted);
  });

  it("caps open streams in all and per address, and frees a place when one closes", async () => {
    const post = await createPost();
    const { hub } = hubOnLog({ maxStreams: 3, maxStreamsPerIp: 2 });
    const first = hub.open(reader(post.id, null, "192.0.2.1").stream);
    expect(hub.open(reader(post.id, null, "192.0.2.1").stream).ok).toBe(true);
    expect(hub.open(reader(post.id, null, "192.0.2.1").stream)).toEqual({ ok: false, reason: "address" });
    expect(hub.open(reader(post.id, null, "192.0.2.2").stream).ok).toBe(true);
    expect(hub.open(reader(post.id, null, "192.0.2.3").stream)).toEqual({ ok: false, reason: "full" });
    expect(hub.streamCount).toBe(3);
    if (first.ok) first.close();
    expect(hub.open(reader(post.id, null, "192.0.2.1").stream).ok).toBe(true);
  });

  it("closes a stream whose reader does not keep up", async () => {
    const post = await createPost();
    const { hub } = hubOnLog({ intervalMs: 60_000 });
    const slow = reader(post.id);
    slow.stream.write = () => false;
    hub.open(slow.stream);
    await hub.poll();
    await newComment(post.id);
    await hub.poll();
    expect(slow.ended).toBe(true);
    expect(hub.streamCount).toBe(0);
  });
});
