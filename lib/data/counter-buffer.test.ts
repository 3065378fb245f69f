import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CounterBuffer, type CounterBufferOptions } from "@/lib/data/counter-buffer";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { dayKey } from "@/lib/text/dates";
import type { Visitor } from "@/lib/visitors/visitor";
import { createPost } from "@/tests/support/factories";

const day = dayKey(new Date());
const visitor = (n: number): Visitor => ({ day, hash: `test-visitor-${n}` });

// Tests flush by hand unless they say otherwise: the timer would fire mid-assertion.
const buffers: CounterBuffer[] = [];
function buffer(options: CounterBufferOptions = {}, kind: "view" | "share" = "view") {
  const created = new CounterBuffer(kind, { intervalMs: 60_000, ...options });
  buffers.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(buffers.splice(0).map((b) => b.flush()));
  vi.restoreAllMocks();
});

const stored = (id: number) =>
  db.post.findUniqueOrThrow({ where: { id }, select: { viewCount: true, shareCount: true } });
const viewRows = (postId: number) => db.postVisit.count({ where: { postId, kind: "view" } });

describe("CounterBuffer", () => {
  it("counts the same visitor once within a batch", async () => {
    const post = await createPost();
    const views = buffer();
    expect(await views.record(post.id, visitor(1))).toEqual({ count: 1, counted: true });
    expect(await views.record(post.id, visitor(1))).toEqual({ count: 1, counted: false });
    expect((await stored(post.id)).viewCount).toBe(0);
    await views.flush();
    expect((await stored(post.id)).viewCount).toBe(1);
    expect(await viewRows(post.id)).toBe(1);
  });

  it("counts the same visitor once across two flushes", async () => {
    const post = await createPost();
    const views = buffer();
    await views.record(post.id, visitor(1));
    await views.flush();
    expect(await views.record(post.id, visitor(1))).toEqual({ count: 1, counted: false });
    await views.flush();
    expect((await stored(post.id)).viewCount).toBe(1);
  });

  it("counts two visitors twice", async () => {
    const post = await createPost();
    const views = buffer();
    await views.record(post.id, visitor(1));
    await views.record(post.id, visitor(2));
    await views.flush();
    expect((await stored(post.id)).viewCount).toBe(2);
  });

  it("counts no crawler (a null visitor) but still answers with the count", async () => {
    const post = await createPost({ viewCount: 7 });
    const views = buffer();
    expect(await views.record(post.id, null)).toEqual({ count: 7, counted: false });
    expect(views.size).toBe(0);
    await views.flush();
    expect((await stored(post.id)).viewCount).toBe(7);
    expect(await viewRows(post.id)).toBe(0);
  });

  it("counts exactly 50 of 200 parallel recordings by 50 visitors", async () => {
    const post = await createPost();
    const views = buffer();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => views.record(post.id, visitor(i % 50))),
    );
    expect(results.filter((r) => r?.counted)).toHaveLength(50);
    await views.flush();
    expect((await stored(post.id)).viewCount).toBe(50);
    expect(await viewRows(post.id)).toBe(50);
  });

  it("does not count again after a restart (a new buffer)", async () => {
    const post = await createPost();
    const before = buffer();
    await before.record(post.id, visitor(1));
    await before.record(post.id, visitor(2));
    await before.flush();
    const after = buffer();
    expect(await after.record(post.id, visitor(1))).toEqual({ count: 2, counted: false });
    expect(await after.record(post.id, visitor(3))).toEqual({ count: 3, counted: true });
    await after.flush();
    expect((await stored(post.id)).viewCount).toBe(3);
  });

  it("counts a visitor held by two buffers (two instances) once: the database decides", async () => {
    const post = await createPost();
    const [a, b] = [buffer(), buffer()];
    await a.record(post.id, visitor(1));
    await b.record(post.id, visitor(1));
    await b.record(post.id, visitor(2));
    await Promise.all([a.flush(), b.flush()]);
    expect((await stored(post.id)).viewCount).toBe(2);
    expect(a.pendingFor(post.id) + b.pendingFor(post.id)).toBe(0);
  });

  it("answers with the stored count plus the views not yet written", async () => {
    const post = await createPost({ viewCount: 10 });
    const views = buffer();
    expect(await views.record(post.id, visitor(1))).toEqual({ count: 11, counted: true });
    expect(await views.record(post.id, visitor(2))).toEqual({ count: 12, counted: true });
    expect(views.pendingFor(post.id)).toBe(2);
    await views.flush();
    expect(views.pendingFor(post.id)).toBe(0);
    expect(await views.record(post.id, visitor(2))).toEqual({ count: 12, counted: false });
  });

  it("refuses drafts, scheduled and unknown posts", async () => {
    const draft = await createPost({ status: "draft" });
    const scheduled = await createPost({ publishedAt: new Date(Date.now() + 60_000) });
    const views = buffer();
    for (const id of [draft.id, scheduled.id, 999_999_999])
      expect(await views.record(id, visitor(1)), String(id)).toBeNull();
    expect(views.size).toBe(0);
  });

  it("flushes on an unref'd timer, so it never keeps a process alive", async () => {
    const post = await createPost();
    const setTimeoutSpy = vi.spyOn(globalThis, "setTimeout");
    const views = buffer({ intervalMs: 20 });
    await views.record(post.id, visitor(1));
    const timer = setTimeoutSpy.mock.results.find((_, i) => setTimeoutSpy.mock.calls[i][1] === 20)
      ?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await vi.waitFor(async () => expect((await stored(post.id)).viewCount).toBe(1), {
      timeout: 2000,
      interval: 20,
    });
  });

  it("flushes early once a batch is full", async () => {
    const post = await createPost();
    const views = buffer({ batchSize: 3 });
    for (const n of [1, 2, 3]) await views.record(post.id, visitor(n));
    await vi.waitFor(async () => expect((await stored(post.id)).viewCount).toBe(3), {
      timeout: 2000,
      interval: 20,
    });
  });

  it("stops counting new visitors when full, and says so", async () => {
    const post = await createPost();
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const views = buffer({ maxPending: 2 });
    await views.record(post.id, visitor(1));
    await views.record(post.id, visitor(2));
    expect(await views.record(post.id, visitor(3))).toEqual({ count: 2, counted: false });
    expect(views.dropped).toBe(1);
    expect(warn).toHaveBeenCalledOnce();
    await views.flush();
    expect(await views.record(post.id, visitor(3))).toEqual({ count: 3, counted: true });
  });

  it("writes the rest of a batch when one of its posts was deleted meanwhile", async () => {
    const [kept, deleted] = [await createPost(), await createPost()];
    const views = buffer();
    await views.record(kept.id, visitor(1));
    await views.record(deleted.id, visitor(1));
    await db.post.delete({ where: { id: deleted.id } });
    await views.flush();
    expect((await stored(kept.id)).viewCount).toBe(1);
    expect(views.pendingFor(deleted.id)).toBe(0);
  });

  it("counts shares as share visits and in shareCount, leaving views alone", async () => {
    const post = await createPost({ shareCount: 2 });
    const shares = buffer({}, "share");
    expect(await shares.record(post.id, visitor(1))).toEqual({ count: 3, counted: true });
    await shares.flush();
    expect(await stored(post.id)).toEqual({ viewCount: 0, shareCount: 3 });
    expect(await db.postVisit.count({ where: { postId: post.id, kind: "share" } })).toBe(1);
    expect(await viewRows(post.id)).toBe(0);
  });

  it("counts a visitor's view and share of the same post and day, each once", async () => {
    const post = await createPost();
    const views = buffer();
    const shares = buffer({}, "share");
    expect(await views.record(post.id, visitor(7))).toEqual({ count: 1, counted: true });
    await views.flush();
    // Already viewed today: that must not hide the share, nor the share the next view.
    expect(await shares.record(post.id, visitor(7))).toEqual({ count: 1, counted: true });
    await shares.flush();
    expect(await views.record(post.id, visitor(7))).toEqual({ count: 1, counted: false });
    expect(await shares.record(post.id, visitor(7))).toEqual({ count: 1, counted: false });
    expect(await stored(post.id)).toEqual({ viewCount: 1, shareCount: 1 });
  });

  it("writes large batches in chunks of batchSize", async () => {
    const post = await createPost();
    const batches: number[] = [];
    const views = buffer({ batchSize: 400, onBatch: (report) => batches.push(report.rows) });
    // Recorded in parallel, so no early flush starts before all are buffered.
    await Promise.all(Array.from({ length: 1000 }, (_, n) => views.record(post.id, visitor(n))));
    await views.flush();
    expect((await stored(post.id)).viewCount).toBe(1000);
    expect(batches.every((rows) => rows <= 400)).toBe(true);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(1000);
  });
});

describe("post counters on shutdown", () => {
  function recordInChild(postId: number, hash: string, mode = "wait") {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--import",
        "./scripts/lib/allow-server-only.mjs",
        "tests/support/record-view-then-wait.ts",
        String(postId),
        hash,
        mode,
      ],
      {
        env: process.env,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const answer = once(child.stdout, "data").then(([line]) => JSON.parse(String(line)));
    return { child, answer, exit: once(child, "exit") };
  }

  it.each(["SIGTERM", "SIGINT"] as const)(
    "writes buffered views when the process gets %s, then exits by it",
    async (signal) => {
      const post = await createPost();
      const { child, answer, exit } = recordInChild(post.id, `exit-${signal}`);
      expect(await answer).toEqual({ count: 1, counted: true });
      expect((await stored(post.id)).viewCount).toBe(0);
      child.kill(signal);
      expect((await exit)[1]).toBe(signal);
      expect((await stored(post.id)).viewCount).toBe(1);
    },
  );

  it("writes buffered views when a script simply ends (the timer does not hold it open)", async () => {
    const post = await createPost();
    const { answer, exit } = recordInChild(post.id, "script-end", "end");
    expect(await answer).toEqual({ count: 1, counted: true });
    expect(await exit).toEqual([0, null]);
    expect((await stored(post.id)).viewCount).toBe(1);
  });
});
