import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { buildCommentTree } from "@/lib/comments/tree";
import { db } from "@/lib/db";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { createComment, type CommentAuthor, type CommentLimits } from "./comment-writes";
import { getThreadComment, getThreadComments } from "./comments";

const relaxed: CommentLimits = { minIntervalSeconds: 0, perHour: 10_000 };
const key = () => randomUUID();

async function reply(
  author: CommentAuthor,
  postId: number,
  parentId: number | null,
  body: string,
  limits = relaxed,
  now?: Date,
) {
  return createComment({ author, postId, parentId, body, idempotencyKey: key() }, limits, now);
}

describe("createComment rules", () => {
  it("stores a reply under its parent with the author's name", async () => {
    const user = await createUser({ name: "Replier" });
    const post = await createPost();
    const [parent] = await createComments(post.id, [{}]);
    const result = await reply(user, post.id, parent, "Hello there");
    expect(result).toMatchObject({ ok: true, repeatedSubmit: false });
    const row = await db.comment.findUniqueOrThrow({ where: { id: result.ok ? result.commentId : -1 } });
    expect(row).toMatchObject({
      parentId: parent,
      authorId: user.id,
      authorName: "Replier",
      body: "Hello there",
    });
  });

  it("records each comment's place in its thread: top-level comment and depth", async () => {
    const user = await createUser();
    const post = await createPost();
    const top = await reply(user, post.id, null, "top");
    const child = await reply(user, post.id, top.ok ? top.commentId : -1, "child");
    const grandchild = await reply(user, post.id, child.ok ? child.commentId : -1, "grandchild");
    const rows = await db.comment.findMany({
      where: { postId: post.id },
      orderBy: { id: "asc" },
      select: { id: true, rootId: true, depth: true },
    });
    const topId = top.ok ? top.commentId : -1;
    expect(rows).toEqual([
      { id: topId, rootId: null, depth: 0 },
      { id: child.ok ? child.commentId : -1, rootId: topId, depth: 1 },
      { id: grandchild.ok ? grandchild.commentId : -1, rootId: topId, depth: 2 },
    ]);
  });

  it("returns the stored comment as the thread reads it, and its place, for a fresh insert only", async () => {
    const user = await createUser({ name: "Returned" });
    const post = await createPost();
    const [parent] = await createComments(post.id, [{}]);
    const idempotencyKey = key();
    const input = { author: user, postId: post.id, parentId: parent, body: "Shown in place", idempotencyKey };
    const first = await createComment(input, relaxed);
    if (!first.ok) throw new Error(`refused: ${first.reason}`);
    expect(first.stored?.comment).toEqual(await getThreadComment(first.commentId));
    expect(first.stored?.thread).toEqual({ rootId: parent, depth: 1 });
    // The same submission again is found, not stored: nothing new to show.
    const again = await createComment(input, relaxed);
    expect(again).toMatchObject({ ok: true, commentId: first.commentId, repeatedSubmit: true });
    expect(again.ok && again.stored).toBeUndefined();
  });

  it("refuses missing, unpublished and future posts", async () => {
    const user = await createUser();
    const draft = await createPost({ status: "draft" });
    const future = await createPost({ publishedAt: new Date(Date.now() + 86_400_000) });
    for (const postId of [999_999, draft.id, future.id]) {
      expect(await reply(user, postId, null, "x")).toEqual({ ok: false, reason: "post-missing" });
    }
  });

  it("refuses posts with comments switched off", async () => {
    const post = await createPost({ commentsEnabled: false });
    expect(await reply(await createUser(), post.id, null, "x")).toEqual({
      ok: false,
      reason: "comments-closed",
    });
  });

  it("refuses a parent from another post, a missing parent and a deleted parent", async () => {
    const user = await createUser();
    const post = await createPost();
    const other = await createPost();
    const [foreign] = await createComments(other.id, [{}]);
    const [deleted] = await createComments(post.id, [{}]);
    await db.comment.update({
      where: { id: deleted },
      data: { deletedAt: new Date(), deletedReason: "moderator" },
    });
    expect(await reply(user, post.id, foreign, "x")).toEqual({ ok: false, reason: "parent-missing" });
    expect(await reply(user, post.id, 999_999, "x")).toEqual({ ok: false, reason: "parent-missing" });
    expect(await reply(user, post.id, deleted, "x")).toEqual({ ok: false, reason: "parent-deleted" });
    expect(await db.comment.count({ where: { postId: post.id } })).toBe(1);
  });

  it("refuses banned users", async () => {
    const user = await createUser({ bannedAt: new Date() });
    const post = await createPost();
    expect(await reply(user, post.id, null, "x")).toEqual({ ok: false, reason: "banned" });
  });

  it("enforces the minimum interval with a retry time, then allows the next comment", async () => {
    const user = await createUser();
    const post = await createPost();
    const limits = { minIntervalSeconds: 15, perHour: 100 };
    const t0 = new Date("2030-01-01T00:00:00Z");
    expect((await reply(user, post.id, null, "first", limits, t0)).ok).toBe(true);
    expect(await reply(user, post.id, null, "second", limits, new Date(t0.getTime() + 5_000))).toEqual({
      ok: false,
      reason: "too-fast",
      retryAfterSeconds: 10,
    });
    expect((await reply(user, post.id, null, "second", limits, new Date(t0.getTime() + 15_000))).ok).toBe(
      true,
    );
  });

  it("enforces the hourly cap and opens a new window after an hour", async () => {
    const user = await createUser();
    const post = await createPost();
    const limits = { minIntervalSeconds: 0, perHour: 3 };
    const t0 = new Date("2030-02-01T00:00:00Z").getTime();
    for (let i = 0; i < 3; i++)
      expect((await reply(user, post.id, null, `c${i}`, limits, new Date(t0 + i * 1000))).ok).toBe(true);
    expect(await reply(user, post.id, null, "c3", limits, new Date(t0 + 10_000))).toEqual({
      ok: false,
      reason: "hourly-limit",
    });
    expect((await reply(user, post.id, null, "c3", limits, new Date(t0 + 3_601_000))).ok).toBe(true);
  });

  it("rejects an exact duplicate of the author's last comment", async () => {
    const user = await createUser();
    const post = await createPost();
    expect((await reply(user, post.id, null, "same words")).ok).toBe(true);
    expect(await reply(user, post.id, null, "same words")).toEqual({ ok: false, reason: "duplicate" });
    expect((await reply(user, post.id, null, "other words")).ok).toBe(true);
  });

  it("returns the same comment for a repeated submission of one form", async () => {
    const user = await createUser();
    const post = await createPost();
    const input = { author: user, postId: post.id, parentId: null, body: "once", idempotencyKey: key() };
    const first = await createComment(input, { minIntervalSeconds: 15, perHour: 30 });
    const again = await Promise.all(
      Array.from({ length: 5 }, () => createComment(input, { minIntervalSeconds: 15, perHour: 30 })),
    );
    expect(first.ok && again.every((r) => r.ok && r.commentId === first.commentId && r.repeatedSubmit)).toBe(
      true,
    );
    expect(await db.comment.count({ where: { postId: post.id } })).toBe(1);
  });

  it("stores a resubmission whose first try took the slot but never stored the comment", async () => {
    const user = await createUser();
    const post = await createPost();
    const input = { author: user, postId: post.id, parentId: null, body: "lost once", idempotencyKey: key() };
    const limits = { minIntervalSeconds: 15, perHour: 30 };
    // The first try dies between taking the author's slot and its INSERT (a killed process).
    // (The INSERT and its event are the write's one transaction.)
    const insert = vi.spyOn(db, "$transaction").mockRejectedValueOnce(new Error("process killed"));
    await expect(createComment(input, limits)).rejects.toThrow("process killed");
    insert.mockRestore();
    expect(await db.comment.count({ where: { postId: post.id } })).toBe(0);

    // The form sent again (same key) is stored, once; the same words under another key
    // are still a duplicate, and within the interval.
    const again = await createComment(input, limits);
    expect(again).toMatchObject({ ok: true, repeatedSubmit: false });
    expect(await createComment(input, limits)).toMatchObject({ ok: true, repeatedSubmit: true });
    expect(await createComment({ ...input, idempotencyKey: key() }, limits)).toMatchObject({
      ok: false,
      reason: "duplicate",
    });
    expect(await db.comment.count({ where: { postId: post.id } })).toBe(1);
  });

  it("stores one comment when one user sends 20 in parallel", async () => {
    const user = await createUser();
    const post = await createPost();
    const limits = { minIntervalSeconds: 15, perHour: 30 };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => reply(user, post.id, null, `burst ${i}`, limits)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "too-fast")).toHaveLength(19);
    expect(await db.comment.count({ where: { postId: post.id } })).toBe(1);
  });

  it("stores all 200 replies sent concurrently to one comment, tree intact", async () => {
    const post = await createPost();
    const [parent] = await createComments(post.id, [{}]);
    const users = await Promise.all(
      Array.from({ length: 200 }, (_, i) => createUser({ name: `Crowd ${i}` })),
    );
    const results = await Promise.all(
      users.map((user, i) =>
        reply(user, post.id, parent, `reply ${i}`, { minIntervalSeconds: 15, perHour: 30 }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const roots = buildCommentTree(await getThreadComments(post.id));
    expect(roots).toHaveLength(1);
    expect(roots[0].replies).toHaveLength(200);
    expect(new Set(roots[0].replies.map((r) => r.body)).size).toBe(200);
  });
});
