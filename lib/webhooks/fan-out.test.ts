import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createComment } from "@/lib/data/comment-writes";
import { createWebhook } from "@/lib/data/webhooks";
import { db } from "@/lib/db";
import { readCursor } from "@/lib/events/cursor";
import { latestEventId, recordEvent } from "@/lib/events/log";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import type { WebhookEvent } from "./events";
import { fanOutOnce, WEBHOOK_CURSOR } from "./fan-out";

beforeEach(async () => {
  await db.webhook.deleteMany();
  await drain();
});

/** Runs the fan-out until its cursor has passed every event (PostgreSQL may hold it at a fresh hole for a moment). */
async function drain(run: () => Promise<unknown> = () => fanOutOnce(db)) {
  const target = await latestEventId({ db });
  for (let round = 0; round < 200; round++) {
    await run();
    if ((await readCursor(WEBHOOK_CURSOR, db)) >= target) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the fan-out did not reach the end of the log");
}

async function hook(events: WebhookEvent[]) {
  const created = await createWebhook({ url: "https://hooks.example.com/in", events });
  if (!created.ok) throw new Error("no webhook");
  return created.id;
}

/** What a webhook's queued deliveries will send, parsed. */
async function loadBodies(webhookId: string) {
  const rows = await db.webhookDelivery.findMany({ where: { webhookId }, select: { body: true } });
  return rows.map((row) => JSON.parse(row.body));
}

describe("the webhook fan-out", () => {
  it("queues one delivery per event a webhook wants, with the comment or post and never an email", async () => {
    const comments = await hook(["comment.created", "comment.deleted"]);
    const posts = await hook(["post.published", "comment.held"]);
    const post = await createPost({ title: "News of the day" });
    const author = await createUser({ name: "Ada Writer" });
    // Through the real write path: the comment and its event in one transaction.
    const written = await createComment(
      { author, postId: post.id, parentId: null, body: "First!", idempotencyKey: randomUUID() },
      { minIntervalSeconds: 0, perHour: 10_000 },
    );
    if (!written.ok) throw new Error(written.reason);
    const { id: reply } = await db.comment.create({
      data: {
        postId: post.id,
        parentId: written.commentId,
        rootId: written.commentId,
        depth: 1,
        authorId: author.id,
        authorName: author.name ?? "",
        body: "Gone soon",
        deletedAt: new Date(),
      },
      select: { id: true },
    });
    await db.$transaction([
      recordEvent(db, { kind: "comment.deleted", postId: post.id, commentId: reply }),
      recordEvent(db, { kind: "comment.edited", postId: post.id, commentId: written.commentId }),
      recordEvent(db, { kind: "comment.approved", postId: post.id, commentId: reply }),
      recordEvent(db, { kind: "post.published", postId: post.id }),
    ]);
    await drain();

    const toComments = await loadBodies(comments);
    expect(toComments.map((body) => body.type).sort()).toEqual([
      "comment.created",
      "comment.created", // the approval: a new public comment to a subscriber
      "comment.deleted",
    ]);
    const created = toComments.find((body) => body.data.id === written.commentId)!;
    expect(created).toMatchObject({
      type: "comment.created",
      data: {
        id: written.commentId,
        postId: post.id,
        parentId: null,
        authorName: "Ada Writer",
        text: "First!",
      },
    });
    expect(created.data.url).toMatch(new RegExp(`^https?://[^/]+/comments/${written.commentId}$`));
    expect(new Date(created.createdAt).getTime()).not.toBeNaN();
    expect(JSON.stringify(toComments)).not.toContain(author.email);
    const deleted = toComments.find((body) => body.type === "comment.deleted")!;
    expect(deleted.data).toMatchObject({ id: reply, parentId: written.commentId, text: null });

    const toPosts = await loadBodies(posts);
    expect(toPosts).toHaveLength(1);
    expect(toPosts[0]).toMatchObject({
      type: "post.published",
      data: { id: post.id, title: "News of the day" },
    });
    expect(toPosts[0].data.url).toMatch(new RegExp(`/${post.slug}$`));
  });

  it("queues each delivery once when two instances fan out the same events at the same time", async () => {
    const first = await hook(["comment.created"]);
    const second = await hook(["comment.created"]);
    const post = await createPost();
    const ids = await createComments(
      post.id,
      Array.from({ length: 12 }, (_, i) => ({ body: `c${i}` })),
    );
    await db.$transaction(
      ids.map((commentId) => recordEvent(db, { kind: "comment.created", postId: post.id, commentId })),
    );
    await drain(() =>
      Promise.all([fanOutOnce(db, { limit: 5 }), fanOutOnce(db, { limit: 5 }), fanOutOnce(db)]),
    );
    for (const webhookId of [first, second]) {
      const rows = await db.webhookDelivery.findMany({ where: { webhookId }, select: { eventId: true } });
      expect(rows).toHaveLength(12);
      expect(new Set(rows.map((row) => row.eventId)).size).toBe(12);
    }
    // Again from an old cursor (a crash before it moved): nothing new.
    await db.eventCursor.update({ where: { name: WEBHOOK_CURSOR }, data: { lastId: 0 } });
    await drain();
    expect(await db.webhookDelivery.count({ where: { webhookId: { in: [first, second] } } })).toBe(24);
  });

  it("tells a webhook nothing from before it was added, nor while it is off", async () => {
    const post = await createPost();
    const [before, during] = await createComments(post.id, [{ body: "before" }, { body: "during" }]);
    await recordEvent(db, {
      kind: "comment.created",
      postId: post.id,
      commentId: before,
      createdAt: new Date(Date.now() - 60_000),
    });
    const webhookId = await hook(["comment.created"]);
    await db.webhook.update({ where: { id: webhookId }, data: { enabled: false } });
    await recordEvent(db, { kind: "comment.created", postId: post.id, commentId: during });
    await drain();
    expect(await db.webhookDelivery.count({ where: { webhookId } })).toBe(0);
  });
});
