import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteAccount } from "@/lib/data/accounts";
import { createAdminPost, updateAdminPost, type PostWrite } from "@/lib/data/admin-posts";
import { editComment } from "@/lib/data/comment-edits";
import { dismissReports, reportComment } from "@/lib/data/comment-reports";
import { defaultCommentSettings } from "@/lib/data/comment-settings";
import { createComment, type CommentLimits } from "@/lib/data/comment-writes";
import { moderateHeld } from "@/lib/data/held-comments";
import { banUser, deleteComment, restoreComment } from "@/lib/data/moderation";
import { createComments, createPost, createUser, postWrite, uniqueSlug } from "@/tests/support/factories";
import { createHeldComment } from "@/tests/support/held";
import { advanceCursor, readCursor } from "./cursor";
import {
  EVENT_HOLE_SETTLE_MS,
  eventsAfter,
  eventsRecorded,
  latestEventId,
  onEventsRecorded,
  onEventsRecordedAtMostEvery,
} from "./log";

const relaxed: CommentLimits = { minIntervalSeconds: 0, perHour: 10_000 };
const settings = defaultCommentSettings();

/** The events of one post, as kind and comment. */
const eventsOf = async (postId: number) =>
  (await db.siteEvent.findMany({ where: { postId }, orderBy: { id: "asc" } })).map((event) => ({
    kind: event.kind,
    commentId: event.commentId,
    actorId: event.actorId,
  }));

async function published(authorName = "Writer") {
  const post = await createPost();
  const author = await createUser({ name: authorName });
  const result = await createComment(
    { author, postId: post.id, parentId: null, body: "A first thought", idempotencyKey: randomUUID() },
    relaxed,
  );
  if (!result.ok) throw new Error(`not stored: ${result.reason}`);
  return { post, author, commentId: result.commentId };
}

const moderatorActor = async () => ({ ...(await createUser({ role: "moderator" })), banned: false });

describe("the writes record their events in the same transaction", () => {
  it("a new comment: created when published, held when held, once per submission, none when refused", async () => {
    const { post, author, commentId } = await published();
    expect(await eventsOf(post.id)).toEqual([{ kind: "comment.created", commentId, actorId: author.id }]);

    // The same submission again (its key): the comment it made, and no second event.
    const key = randomUUID();
    const input = { author, postId: post.id, parentId: commentId, body: "Again", idempotencyKey: key };
    const first = await createComment(input, relaxed);
    const repeated = await createComment(input, relaxed);
    expect(repeated).toMatchObject({ ok: true, repeatedSubmit: true });
    // Refused (the parent does not exist): nothing written, nothing recorded.
    expect(
      await createComment({ ...input, parentId: 999_999_999, idempotencyKey: randomUUID() }, relaxed),
    ).toMatchObject({ ok: false, reason: "parent-missing" });
    expect((await eventsOf(post.id)).map((event) => event.kind)).toEqual([
      "comment.created",
      "comment.created",
    ]);
    expect((await eventsOf(post.id))[1].commentId).toBe(first.ok ? first.commentId : -1);

    const held = await createHeldComment(await createUser(), post.id);
    expect((await eventsOf(post.id)).at(-1)).toMatchObject({ kind: "comment.held", commentId: held });
  });

  it("deletion and restoration, each once, however many ask at the same time", async () => {
    const { post, commentId } = await published();
    const moderator = await moderatorActor();
    const deletions = await Promise.all(Array.from({ length: 5 }, () => deleteComment(moderator, commentId)));
    expect(deletions.filter((result) => result.ok && result.changed)).toHaveLength(1);
    const restorations = await Promise.all(
      Array.from({ length: 5 }, () => restoreComment(moderator, commentId)),
    );
    expect(restorations.filter((result) => result.ok && result.changed)).toHaveLength(1);
    expect((await eventsOf(post.id)).slice(1)).toEqual([
      { kind: "comment.deleted", commentId, actorId: moderator.id },
      { kind: "comment.restored", commentId, actorId: moderator.id },
    ]);
  });

  it("held comments: approved, or deleted as spam", async () => {
    const post = await createPost();
    const moderator = await moderatorActor();
    const author = await createUser();
    const approved = await createHeldComment(author, post.id);
    const spam = await createHeldComment(author, post.id);
    await moderateHeld(moderator, "approve", [approved, approved]);
    await moderateHeld(moderator, "spam", [spam]);
    // A second approval finds nothing waiting: no second event.
    await moderateHeld(moderator, "approve", [approved]);
    expect(await eventsOf(post.id)).toEqual([
      { kind: "comment.held", commentId: approved, actorId: author.id },
      { kind: "comment.held", commentId: spam, actorId: author.id },
      { kind: "comment.approved", commentId: approved, actorId: moderator.id },
      { kind: "comment.deleted", commentId: spam, actorId: moderator.id },
    ]);
  });

  it("an edit, and hiding by reports then showing again", async () => {
    const { post, author, commentId } = await published();
    const edited = await editComment(
      { ...author, banned: false },
      { commentId, body: "A better thought", version: 0, note: null },
      relaxed,
      new Date(),
      settings,
    );
    expect(edited).toMatchObject({ ok: true, changed: true });
    const reader = { ...(await createUser()), banned: false };
    const reported = await reportComment(reader, { commentId, reason: "spam", note: null }, new Date(), {
      ...settings,
      reportsToHide: 1,
    });
    expect(reported).toMatchObject({ ok: true, hidden: true });
    const moderator = await moderatorActor();
    await dismissReports(moderator, commentId);
    expect((await eventsOf(post.id)).slice(1)).toEqual([
      { kind: "comment.edited", commentId, actorId: author.id },
      // The reports hid it: the event names no reporter.
      { kind: "comment.hidden", commentId, actorId: null },
      { kind: "comment.restored", commentId, actorId: moderator.id },
    ]);
  });

  it("a ban that removes the comments, and an account removed with its texts, record each deletion", async () => {
    const post = await createPost();
    const banned = await createUser();
    const leaving = await createUser();
    const [a, b] = await createComments(post.id, [{ authorId: banned.id }, { authorId: banned.id }]);
    const [c] = await createComments(post.id, [{ authorId: leaving.id }]);
    const [kept] = await createComments(post.id, [{ authorId: (await createUser()).id }]);
    const moderator = await moderatorActor();
    expect(await banUser(moderator, banned.id, { deleteComments: true })).toMatchObject({
      deletedComments: 2,
    });
    expect(await deleteAccount(leaving.id, "remove")).toMatchObject({ ok: true });
    const events = await eventsOf(post.id);
    expect(events).toEqual([
      { kind: "comment.deleted", commentId: a, actorId: moderator.id },
      { kind: "comment.deleted", commentId: b, actorId: moderator.id },
      { kind: "comment.deleted", commentId: c, actorId: null },
    ]);
    expect(events.some((event) => event.commentId === kept)).toBe(false);
  });

  it("an account that leaves its comments as Anonymous records nothing: none was deleted", async () => {
    const post = await createPost();
    const leaving = await createUser();
    await createComments(post.id, [{ authorId: leaving.id }]);
    expect(await deleteAccount(leaving.id, "anonymous")).toMatchObject({ ok: true });
    expect(await eventsOf(post.id)).toEqual([]);
  });

  it("a post is published once: at creation, or when a draft is saved as published", async () => {
    const admin = await createUser({ role: "admin" });
    const write = (status: PostWrite["status"]) =>
      postWrite({
        slug: uniqueSlug("event"),
        status,
        publishedAt: status === "published" ? new Date() : null,
      });
    const atOnce = await createAdminPost(write("published"), admin.id);
    const draftWrite = write("draft");
    const draft = await createAdminPost(draftWrite, admin.id);
    if (!atOnce.ok || !draft.ok) throw new Error("not saved");
    expect(await eventsOf(atOnce.id)).toEqual([
      { kind: "post.published", commentId: null, actorId: admin.id },
    ]);
    expect(await eventsOf(draft.id)).toEqual([]);
    const publishing = { ...draftWrite, status: "published" as const, publishedAt: new Date() };
    await updateAdminPost(draft.id, publishing, admin.id);
    await updateAdminPost(draft.id, { ...publishing, title: "News, corrected" }, admin.id);
    expect(await eventsOf(draft.id)).toEqual([
      { kind: "post.published", commentId: null, actorId: admin.id },
    ]);
  });

  it("tells this process's listeners after the write committed", async () => {
    let woken = 0;
    const stop = onEventsRecorded(() => {
      woken += 1;
    });
    try {
      await published();
      expect(woken).toBe(1);
    } finally {
      stop();
    }
  });
});

describe("waking consumers", () => {
  it("at most once per interval: a burst of writes wakes a slow consumer once, a later write again", async () => {
    let woken = 0;
    const stop = onEventsRecordedAtMostEvery(40, () => {
      woken += 1;
    });
    try {
      for (let i = 0; i < 5; i++) eventsRecorded();
      expect(woken).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(woken).toBe(1);
      eventsRecorded();
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(woken).toBe(2);
    } finally {
      stop();
    }
  });
});

describe("reading the log", () => {
  /**
   * Events written directly for the hole rules: ids base+1… base+n, then the ones not
   * wanted deleted, which leaves the holes a commit still in flight (or a rollback) does.
   */
  async function logWithIds(ids: number[], createdAt: Date) {
    const post = await createPost();
    const n = Math.max(...ids);
    const made = [];
    for (let i = 0; i < n; i++)
      made.push(
        await db.siteEvent.create({
          data: { kind: "comment.created", postId: post.id, createdAt },
          select: { id: true },
        }),
      );
    const base = made[0].id - 1;
    await db.siteEvent.deleteMany({
      where: { id: { in: made.map((row) => row.id).filter((id) => !ids.includes(id - base)) } },
    });
    return { base, postId: post.id };
  }

  it("stops before a fresh hole (an event still being committed) and passes an old one (a rollback)", async () => {
    const now = new Date();
    const fresh = await logWithIds([1, 2, 4, 5], now);
    const ids = (events: { id: number }[]) => events.map((event) => event.id - fresh.base);
    expect(ids(await eventsAfter(fresh.base, { now }))).toEqual([1, 2]);
    // The same hole, once the later event is older than the settling time, is skipped.
    const later = new Date(now.getTime() + EVENT_HOLE_SETTLE_MS + 1);
    expect(ids(await eventsAfter(fresh.base, { now: later }))).toEqual([1, 2, 4, 5]);
    // One post's events come without the rule, up to a point the caller vouches for.
    expect(ids(await eventsAfter(fresh.base, { postId: fresh.postId, upTo: fresh.base + 4 }))).toEqual([
      1, 2, 4,
    ]);
    expect(await latestEventId({ postId: fresh.postId })).toBe(fresh.base + 5);
  });

  it("an old hole right after the cursor is passed too, and the limit holds", async () => {
    const old = new Date(Date.now() - EVENT_HOLE_SETTLE_MS * 2);
    const log = await logWithIds([3, 4, 5], old);
    const got = await eventsAfter(log.base, { limit: 2 });
    expect(got.map((event) => event.id - log.base)).toEqual([3, 4]);
  });
});

describe("cursors", () => {
  it("move by compare-and-set: from where they are, forward, once", async () => {
    const name = `test-${randomUUID()}`;
    expect(await readCursor(name)).toBe(0);
    expect(await advanceCursor(name, 0, 5)).toBe(true);
    expect(await advanceCursor(name, 0, 6)).toBe(false);
    expect(await advanceCursor(name, 5, 5)).toBe(false);
    expect(await advanceCursor(name, 5, 9)).toBe(true);
    expect(await readCursor(name)).toBe(9);
  });

  it("of consumers racing from the same point, exactly one moves it", async () => {
    for (const start of [0, 7]) {
      const name = `race-${randomUUID()}`;
      if (start > 0) await advanceCursor(name, 0, start);
      const moves = await Promise.all(
        Array.from({ length: 8 }, (_, i) => advanceCursor(name, start, start + 1 + i)),
      );
      expect(moves.filter(Boolean)).toHaveLength(1);
      expect(await readCursor(name)).toBe(start + 1 + moves.indexOf(true));
    }
  });
});
