import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendDueNotifications } from "@/lib/notifications/batches";
import { recordNotifications, type NotifiableEvent } from "@/lib/notifications/recipients";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { createComments, createPost, createUser } from "@/tests/support/factories";

// The notifier's rules against a real database: who gets a notification for an event,
// how they are batched into mails, and that two notifiers racing mail each once.

const SETTINGS = { batchMinutes: 10, siteUrl: "https://blog.example", blogName: "Test Blog" };
const T0 = new Date("2026-12-07T12:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

// Event ids of this file: far from any real log's, and distinct per event.
let nextEventId = 900_000_000 + Math.floor(Math.random() * 50_000_000);
function event(kind: string, postId: number, commentId: number, createdAt = T0): NotifiableEvent {
  nextEventId += 1;
  return { id: nextEventId, kind, postId, commentId, actorId: null, createdAt };
}

const verified = (overrides: Parameters<typeof createUser>[0] = {}) =>
  createUser({ emailVerifiedAt: T0, ...overrides });

/** A post with a top-level comment by `parentAuthor` asking (or not) for replies. */
async function thread(parentAuthor: { id: string }, notifyReplies = true) {
  const post = await createPost({ title: `Post ${randomUUID().slice(0, 6)}` });
  const [parent] = await createComments(post.id, [{ authorId: parentAuthor.id }]);
  await db.comment.update({ where: { id: parent }, data: { notifyReplies } });
  return { post, parent };
}

async function reply(postId: number, parentId: number, authorId: string, body = `reply ${randomUUID()}`) {
  const [id] = await createComments(postId, [{ authorId, body }]);
  await db.comment.update({ where: { id }, data: { parentId } });
  return id;
}

const notificationsOf = (recipientId: string) =>
  db.notification.findMany({ where: { recipientId }, orderBy: { id: "asc" } });
const mailsTo = (email: string) =>
  db.outboxMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
const batchesOf = (recipientId: string) => db.notificationBatch.count({ where: { recipientId } });

describe("who is notified", () => {
  it("notifies the parent's author who asked for replies, never the reply's own author", async () => {
    const ann = await verified();
    const bob = await verified();
    const { post, parent } = await thread(ann);
    const fromBob = await reply(post.id, parent, bob.id);
    const fromAnn = await reply(post.id, parent, ann.id);
    await recordNotifications(
      db,
      [event("comment.created", post.id, fromBob), event("comment.created", post.id, fromAnn)],
      T0,
    );
    expect(await notificationsOf(ann.id)).toMatchObject([
      { commentId: fromBob, reason: "reply", state: "pending" },
    ]);
    expect(await notificationsOf(bob.id)).toEqual([]);
  });

  it("notifies nobody when the comment did not ask for replies", async () => {
    const ann = await verified();
    const { post, parent } = await thread(ann, false);
    const id = await reply(post.id, parent, (await verified()).id);
    await recordNotifications(db, [event("comment.created", post.id, id)], T0);
    expect(await notificationsOf(ann.id)).toEqual([]);
  });

  it("notifies followers of the post about every comment but their own", async () => {
    const follower = await verified();
    const post = await createPost();
    await db.threadSubscription.create({ data: { userId: follower.id, postId: post.id, state: "follow" } });
    const [other, own] = await createComments(post.id, [
      { authorId: (await verified()).id },
      { authorId: follower.id },
    ]);
    await recordNotifications(
      db,
      [event("comment.created", post.id, other), event("comment.created", post.id, own)],
      T0,
    );
    expect(await notificationsOf(follower.id)).toMatchObject([{ commentId: other, reason: "follow" }]);
  });

  it("never notifies about held, deleted or hidden comments", async () => {
    const ann = await verified();
    const { post, parent } = await thread(ann);
    const bob = await verified();
    const held = await reply(post.id, parent, bob.id);
    const deleted = await reply(post.id, parent, bob.id);
    const hidden = await reply(post.id, parent, bob.id);
    await db.comment.update({ where: { id: held }, data: { status: "held" } });
    await db.comment.update({ where: { id: deleted }, data: { deletedAt: T0, deletedReason: "author" } });
    await db.comment.update({ where: { id: hidden }, data: { hiddenAt: T0 } });
    await recordNotifications(
      db,
      [held, deleted, hidden].map((id) => event("comment.created", post.id, id)),
      T0,
    );
    expect(await notificationsOf(ann.id)).toEqual([]);
  });

  it("notifies once a held reply is approved", async () => {
    const ann = await verified();
    const { post, parent } = await thread(ann);
    const id = await reply(post.id, parent, (await verified()).id);
    await recordNotifications(db, [event("comment.approved", post.id, id)], T0);
    expect(await notificationsOf(ann.id)).toMatchObject([{ commentId: id, reason: "reply" }]);
  });

  it("never notifies unverified, banned, stopped or muted readers", async () => {
    const recipients = [
      await createUser(),
      await verified({ bannedAt: T0 }),
      await verified({ notificationsOffAt: T0 }),
      await verified(),
    ];
    const post = await createPost();
    const muted = recipients[3];
    for (const user of recipients.slice(0, 3))
      await db.threadSubscription.create({ data: { userId: user.id, postId: post.id, state: "follow" } });
    const parents = await createComments(
      post.id,
      recipients.map((user) => ({ authorId: user.id })),
    );
    await db.comment.updateMany({ where: { id: { in: parents } }, data: { notifyReplies: true } });
    await db.threadSubscription.create({ data: { userId: muted.id, postId: post.id, state: "mute" } });
    const bob = await verified();
    const replies = [];
    for (const parent of parents) replies.push(await reply(post.id, parent, bob.id));
    await recordNotifications(
      db,
      replies.map((id) => event("comment.created", post.id, id)),
      T0,
    );
    for (const user of recipients) expect(await notificationsOf(user.id)).toEqual([]);
  });

  it("tells moderators who asked about held and hidden comments", async () => {
    const moderator = await verified({ role: "moderator", notifyModeration: true });
    const quiet = await verified({ role: "moderator" });
    const commenter = await verified({ notifyModeration: true });
    const post = await createPost();
    const [held, hidden, published] = await createComments(post.id, [{}, {}, {}]);
    await db.comment.update({ where: { id: held }, data: { status: "held" } });
    await db.comment.update({ where: { id: hidden }, data: { hiddenAt: T0 } });
    await recordNotifications(
      db,
      [
        event("comment.held", post.id, held),
        event("comment.hidden", post.id, hidden),
        // Approved in the meantime: no longer held, no mail.
        event("comment.held", post.id, published),
      ],
      T0,
    );
    expect(await notificationsOf(moderator.id)).toMatchObject([
      { commentId: held, reason: "held" },
      { commentId: hidden, reason: "hidden" },
    ]);
    expect(await notificationsOf(quiet.id)).toEqual([]);
    expect(await notificationsOf(commenter.id)).toEqual([]);
  });

  it("skips events too old to be worth a mail", async () => {
    const ann = await verified();
    const { post, parent } = await thread(ann);
    const id = await reply(post.id, parent, (await verified()).id);
    await recordNotifications(db, [event("comment.created", post.id, id, at(-2 * 24 * 60))], T0);
    expect(await notificationsOf(ann.id)).toEqual([]);
  });
});

describe("notification mails", () => {
  it("mails at once, then gathers replies for the batch window into one mail", async () => {
    const ann = await verified({ name: "Ann" });
    const { post, parent } = await thread(ann);
    const bob = await verified({ name: "Bob" });
    const first = await reply(post.id, parent, bob.id, "First <b>reply</b>");
    await recordNotifications(db, [event("comment.created", post.id, first)], T0);
    await sendDueNotifications(db, { ...SETTINGS, now: T0 });
    expect(await batchesOf(ann.id)).toBe(1);

    const second = await reply(post.id, parent, bob.id, "Second reply");
    const third = await reply(post.id, parent, bob.id, "Third reply");
    await recordNotifications(
      db,
      [event("comment.created", post.id, second), event("comment.created", post.id, third)],
      at(1),
    );
    await sendDueNotifications(db, { ...SETTINGS, now: at(5) });
    expect(await batchesOf(ann.id)).toBe(1);
    await sendDueNotifications(db, { ...SETTINGS, now: at(10.5) });
    expect(await batchesOf(ann.id)).toBe(2);
    expect((await notificationsOf(ann.id)).map((row) => row.state)).toEqual(["mailed", "mailed", "mailed"]);

    const mails = await mailsTo(ann.email);
    expect(mails).toHaveLength(2);
    expect(mails[0].text).toContain("> First <b>reply</b>");
    expect(mails[0].html).toContain("First &lt;b&gt;reply&lt;/b&gt;");
    expect(mails[0].text).toContain(`https://blog.example/comments/${first}`);
    expect(mails[1].subject).toContain("2 new comments");
    expect(mails[1].text).toContain("> Second reply");
    expect(mails[1].text).toContain("> Third reply");
    const headers = JSON.parse(mails[1].headers!);
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const token = /^<https:\/\/blog\.example\/api\/unsubscribe\/([^>]+)>$/.exec(
      headers["List-Unsubscribe"],
    )![1];
    expect(readUnsubscribeToken(token, T0)).toEqual({
      ok: true,
      request: { userId: ann.id, scope: { kind: "post", postId: post.id } },
    });
  });

  it("mails a moderator about a held comment apart from any discussion, unsubscribing from moderation mails", async () => {
    const moderator = await verified({ role: "moderator", notifyModeration: true });
    const post = await createPost();
    const [held] = await createComments(post.id, [{ body: "Buy <pills> now" }]);
    await db.comment.update({ where: { id: held }, data: { status: "held" } });
    await recordNotifications(db, [event("comment.held", post.id, held)], T0);
    await sendDueNotifications(db, { ...SETTINGS, now: T0 });
    const [mail] = await mailsTo(moderator.email);
    expect(mail.subject).toContain("A comment needs a moderator");
    expect(mail.text).toContain("> Buy <pills> now");
    expect(mail.text).toContain(`Review it: https://blog.example/comments/${held}/held`);
    const token = /\/api\/unsubscribe\/([^>]+)>/.exec(JSON.parse(mail.headers!)["List-Unsubscribe"])![1];
    expect(readUnsubscribeToken(token, T0)).toMatchObject({
      ok: true,
      request: { scope: { kind: "moderation" } },
    });
    expect(await db.notificationBatch.findMany({ where: { recipientId: moderator.id } })).toMatchObject([
      { postId: 0 },
    ]);
  });

  it("drops a notification whose reply was deleted, or whose reader unsubscribed, before its mail", async () => {
    const ann = await verified();
    const { post, parent } = await thread(ann);
    const bob = await verified();
    const deleted = await reply(post.id, parent, bob.id);
    await recordNotifications(db, [event("comment.created", post.id, deleted)], T0);
    await db.comment.update({ where: { id: deleted }, data: { deletedAt: T0, deletedReason: "author" } });
    const cat = await verified();
    const other = await thread(cat);
    const later = await reply(other.post.id, other.parent, bob.id);
    await recordNotifications(db, [event("comment.created", other.post.id, later)], T0);
    await db.threadSubscription.create({ data: { userId: cat.id, postId: other.post.id, state: "mute" } });

    await sendDueNotifications(db, { ...SETTINGS, now: T0 });
    expect(await notificationsOf(ann.id)).toMatchObject([{ state: "dropped" }]);
    expect(await notificationsOf(cat.id)).toMatchObject([{ state: "dropped" }]);
    expect(await batchesOf(ann.id)).toBe(0);
    expect(await batchesOf(cat.id)).toBe(0);
  });

  it("writes each notification and each mail once when two notifiers race", async () => {
    const readers = [];
    for (let index = 0; index < 5; index++) readers.push(await verified());
    const post = await createPost();
    await db.threadSubscription.createMany({
      data: readers.map((user) => ({ userId: user.id, postId: post.id, state: "follow" })),
    });
    const bob = await verified();
    const ids = await createComments(
      post.id,
      Array.from({ length: 6 }, () => ({ authorId: bob.id })),
    );
    const events = ids.map((id) => event("comment.created", post.id, id));
    await Promise.all([recordNotifications(db, events, T0), recordNotifications(db, events, T0)]);
    await Promise.all([
      sendDueNotifications(db, { ...SETTINGS, now: T0 }),
      sendDueNotifications(db, { ...SETTINGS, now: T0 }),
      sendDueNotifications(db, { ...SETTINGS, now: T0 }),
    ]);
    for (const reader of readers) {
      const rows = await notificationsOf(reader.id);
      expect(rows).toHaveLength(6);
      expect(rows.every((row) => row.state === "mailed")).toBe(true);
      expect(await batchesOf(reader.id)).toBe(1);
      expect(await mailsTo(reader.email)).toHaveLength(1);
    }
  });
});

describe("the notifier on the event log", () => {
  it("turns a reply written through the app into one mail, however many notifiers run", async () => {
    const { createComment } = await import("@/lib/data/comment-writes");
    const { defaultCommentSettings } = await import("@/lib/data/comment-settings");
    const { createNotifier } = await import("@/lib/notifications/notifier");
    const { eventLog } = await import("@/lib/notifications/event-source");
    const limits = { minIntervalSeconds: 0, perHour: 1000 };
    const write = async (
      author: { id: string },
      postId: number,
      parentId: number | null,
      notifyReplies: boolean,
    ) => {
      const full = await db.user.findUniqueOrThrow({
        where: { id: author.id },
        select: { id: true, name: true, role: true, createdAt: true, trustedAt: true, emailVerifiedAt: true },
      });
      const result = await createComment(
        {
          author: full,
          postId,
          parentId,
          body: `words ${randomUUID()}`,
          idempotencyKey: randomUUID(),
          notifyReplies,
        },
        limits,
        undefined,
        defaultCommentSettings(),
      );
      if (!result.ok) throw new Error(result.reason);
      return result.commentId;
    };
    const ann = await verified();
    const bob = await verified();
    const post = await createPost();
    const parent = await write(ann, post.id, null, true);
    const replyId = await write(bob, post.id, parent, false);
    // Bob asked for nothing and is the reply's author: only Ann hears of it.
    expect((await db.user.findUniqueOrThrow({ where: { id: ann.id } })).notifyReplies).toBe(true);

    const notifiers = [1, 2, 3].map(() => createNotifier({ db, events: eventLog, settings: SETTINGS }));
    for (let round = 0; round < 20; round++) {
      await Promise.all(notifiers.map((notifier) => notifier.runOnce()));
      if (
        (await batchesOf(ann.id)) > 0 &&
        (await db.notification.count({ where: { commentId: replyId } })) > 0
      )
        break;
    }
    expect(await notificationsOf(ann.id)).toMatchObject([
      { commentId: replyId, reason: "reply", state: "mailed" },
    ]);
    expect(await notificationsOf(bob.id)).toEqual([]);
    expect(await batchesOf(ann.id)).toBe(1);
    expect(await mailsTo(ann.email)).toHaveLength(1);
  });
});
