import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applyExpiry } from "@/lib/cache/expiry-channel.mjs";
import { COMMENT_SETTINGS_TAG } from "@/lib/cache/tags";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { sqlStatementCounter } from "@/lib/db/client";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { getCommentPage, getCommentSubtree, locateComment } from "./comment-pages";
import {
  defaultCommentSettings,
  getCommentSettings,
  saveBlockedWords,
  saveCommentSettings,
} from "./comment-settings";
import { createComment, type CommentAuthor, type CommentLimits } from "./comment-writes";
import { getFeedComments } from "./feeds";
import {
  countHeld,
  getHeldQueue,
  getVisibleHeldComments,
  getVisibleHeldIds,
  moderateHeld,
} from "./held-comments";
import { getPublishedPosts } from "./posts";
import { searchComments } from "./search";

const relaxed: CommentLimits = { minIntervalSeconds: 0, perHour: 10_000 };
const settings = (overrides: Partial<ReturnType<typeof defaultCommentSettings>> = {}) => ({
  ...defaultCommentSettings(),
  ...overrides,
});
const threeLinks = () => `spam ${randomUUID()} https://a.example https://b.example https://c.example`;

async function write(
  author: CommentAuthor,
  postId: number,
  body: string,
  options: { parentId?: number | null; rules?: ReturnType<typeof settings>; now?: Date } = {},
) {
  return createComment(
    { author, postId, parentId: options.parentId ?? null, body, idempotencyKey: randomUUID() },
    relaxed,
    options.now,
    options.rules ?? settings(),
  );
}

/** A user as the guards hand it to the data layer. */
async function actor(role: string, { banned = false } = {}) {
  const user = await createUser({ role, bannedAt: banned ? new Date() : null });
  return { ...user, banned };
}

const idOf = (result: Awaited<ReturnType<typeof write>>) => {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.commentId;
};

// Saved settings are one row of a database other test files of this worker use too.
afterEach(async () => {
  await db.commentSettings.deleteMany();
});

describe("holding comments", () => {
  it("holds a comment with more links than allowed, stores why, and publishes one within the limit", async () => {
    const user = await createUser();
    const post = await createPost();
    const held = await write(user, post.id, threeLinks());
    expect(held).toMatchObject({ ok: true, held: true });
    const row = await db.comment.findUniqueOrThrow({ where: { id: idOf(held) } });
    expect(row).toMatchObject({ status: "held", heldReasons: JSON.stringify(["links"]) });
    const fine = await write(user, post.id, "two https://a.example https://b.example");
    expect(fine).toMatchObject({ ok: true, held: false });
  });

  it("holds blocked words saved by a moderator, look-alikes included, from the settings row", async () => {
    const moderator = await actor("moderator");
    const user = await createUser();
    const post = await createPost();
    expect(await saveBlockedWords(moderator, "viagra\ncasino")).toMatchObject({ ok: true });
    const rules = await getCommentSettings();
    expect(rules.blockedWords).toEqual(["viagra", "casino"]);
    const held = await write(user, post.id, `cheap v\u0456\u0430gra ${randomUUID()}`, { rules });
    expect(held).toMatchObject({ ok: true, held: true });
    expect(await write(user, post.id, `ＣＡＳＩＮＯ ${randomUUID()}`, { rules })).toMatchObject({
      held: true,
    });
    expect(await write(user, post.id, `occasional ${randomUUID()}`, { rules })).toMatchObject({
      held: false,
    });
  });

  it("a commenter cannot edit the word list or the settings; a moderator cannot edit the settings", async () => {
    const commenter = { ...(await createUser()), banned: false };
    const moderator = await actor("moderator");
    const admin = await actor("admin");
    expect(await saveBlockedWords(commenter, "x")).toEqual({ ok: false, reason: "forbidden" });
    const columns = { ...config.commentRules, unverifiedCanComment: true, holdAll: true };
    expect(await saveCommentSettings(moderator, columns)).toEqual({ ok: false, reason: "forbidden" });
    expect(await db.commentSettings.count()).toBe(0);
    expect(await saveCommentSettings(admin, columns)).toEqual({ ok: true });
    expect((await getCommentSettings()).holdAll).toBe(true);
  });

  it("keeps the rules in memory until they are saved here or another server process says so", async () => {
    const admin = await actor("admin");
    const reads = vi.spyOn(db.commentSettings, "findUnique");
    try {
      expect((await getCommentSettings()).holdAll).toBe(false);
      expect((await getCommentSettings()).holdAll).toBe(false);
      expect(reads).toHaveBeenCalledTimes(1);
      // Saved here: read again at once.
      await saveCommentSettings(admin, { ...config.commentRules, unverifiedCanComment: true, holdAll: true });
      expect((await getCommentSettings()).holdAll).toBe(true);
      expect(reads).toHaveBeenCalledTimes(2);
      // Saved by another process (the row changes under this one's memory) ...
      await db.commentSettings.update({ where: { id: 1 }, data: { holdAll: false } });
      expect((await getCommentSettings()).holdAll).toBe(true);
      // ... which the shared expiry log then tells this one.
      applyExpiry([COMMENT_SETTINGS_TAG]);
      expect((await getCommentSettings()).holdAll).toBe(false);
      expect(reads).toHaveBeenCalledTimes(3);
    } finally {
      reads.mockRestore();
    }
  });

  it("holds new accounts until they are old enough", async () => {
    const now = new Date();
    const young = await createUser({ createdAt: new Date(now.getTime() - 2 * 3_600_000) });
    const post = await createPost();
    const rules = settings({ holdNewAccountHours: 24 });
    expect(await write(young, post.id, "hello", { rules, now })).toMatchObject({ held: true });
    const later = new Date(now.getTime() + 23 * 3_600_000);
    expect(await write(young, post.id, "hello again", { rules, now: later })).toMatchObject({ held: false });
  });

  it("promotes a commenter to trusted after enough approved comments", async () => {
    const moderator = await actor("moderator");
    const user = await createUser();
    const post = await createPost();
    const rules = settings({ holdUntilApproved: 2 });
    const first = await write(user, post.id, "first", { rules });
    expect(first).toMatchObject({ held: true });
    await moderateHeld(moderator, "approve", [idOf(first)]);
    const second = await write(user, post.id, "second", { rules });
    expect(second).toMatchObject({ held: true });
    await moderateHeld(moderator, "approve", [idOf(second)]);
    expect(await write(user, post.id, "third", { rules })).toMatchObject({ held: false });
  });

  it("pre-moderation holds everything but staff and trusted authors; approve-and-trust trusts once", async () => {
    const moderator = await actor("moderator");
    const user = await createUser();
    const post = await createPost();
    const rules = settings({ holdAll: true });
    expect(await write(moderator, post.id, "staff note", { rules })).toMatchObject({ held: false });
    const held = await write(user, post.id, "plain words", { rules });
    expect(held).toMatchObject({ held: true });
    expect(await moderateHeld(moderator, "approve-trust", [idOf(held)])).toMatchObject({
      ok: true,
      changed: 1,
    });
    // The author's next request loads them afresh, trusted.
    const trusted = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(trusted.trustedAt).not.toBeNull();
    expect(await write(trusted, post.id, "now trusted", { rules })).toMatchObject({ held: false });
    // Trust does not lift the link rule.
    expect(await write(trusted, post.id, threeLinks(), { rules })).toMatchObject({ held: true });
    const trustLogs = await db.moderationLog.count({ where: { action: "user.trust", targetId: user.id } });
    expect(trustLogs).toBe(1);
  });

  it("holds a filled honeypot and a too-quick form silently", async () => {
    const user = await createUser();
    const post = await createPost();
    const rules = settings({ minSubmitSeconds: 5 });
    const send = (body: string, signals: { honeypotFilled: boolean; elapsedMs: number | null }) =>
      createComment(
        { author: user, postId: post.id, parentId: null, body, idempotencyKey: randomUUID(), signals },
        relaxed,
        undefined,
        rules,
      );
    expect(await send("bot one", { honeypotFilled: true, elapsedMs: 60_000 })).toMatchObject({
      ok: true,
      held: true,
    });
    expect(await send("bot two", { honeypotFilled: false, elapsedMs: 800 })).toMatchObject({
      ok: true,
      held: true,
    });
    expect(await send("person", { honeypotFilled: false, elapsedMs: 30_000 })).toMatchObject({
      ok: true,
      held: false,
    });
  });
});

describe("comment limits", () => {
  it("refuses a reply deeper than the limit, with the limit", async () => {
    const user = await createUser();
    const post = await createPost();
    const [top, child, grandchild] = await createComments(post.id, [{}, { parent: 0 }, { parent: 1 }]);
    const rules = settings({ maxReplyDepth: 2 });
    expect(await write(user, post.id, "at depth 2", { parentId: child, rules })).toMatchObject({ ok: true });
    expect(await write(user, post.id, "at depth 3", { parentId: grandchild, rules })).toEqual({
      ok: false,
      reason: "too-deep",
      maxDepth: 2,
    });
    expect(top).toBeGreaterThan(0);
  });

  it("refuses a reply to a held comment until it is approved", async () => {
    const user = await createUser();
    const post = await createPost();
    const held = idOf(await write(user, post.id, threeLinks()));
    expect(await write(user, post.id, "reply", { parentId: held })).toEqual({
      ok: false,
      reason: "parent-held",
    });
  });

  it("refuses the same text on the same post within the window, not on another post or after it", async () => {
    const user = await createUser();
    const post = await createPost();
    const other = await createPost();
    const now = new Date();
    const rules = settings({ duplicateWindowMinutes: 60 });
    expect(await write(user, post.id, "same words", { rules, now })).toMatchObject({ ok: true });
    expect(await write(user, other.id, "same words", { rules, now })).toMatchObject({ ok: true });
    // Not the author's last comment any more: still found.
    expect(await write(user, post.id, "same words", { rules, now })).toEqual({
      ok: false,
      reason: "duplicate",
    });
    const later = new Date(now.getTime() + 61 * 60_000);
    expect(await write(user, post.id, "same words", { rules, now: later })).toMatchObject({ ok: true });
    // Another author may say the same.
    expect(await write(await createUser(), post.id, "same words", { rules, now })).toMatchObject({
      ok: true,
    });
  });

  it("stores one of 20 identical comments sent at once", async () => {
    const user = await createUser();
    const post = await createPost();
    const results = await Promise.all(Array.from({ length: 20 }, () => write(user, post.id, "burst")));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.comment.count({ where: { postId: post.id } })).toBe(1);
  });
});

describe("what readers see", () => {
  it("leaves held comments out of pages, counts, subtrees, permalinks, feeds, listings and search", async () => {
    const user = await createUser();
    const word = `zq${randomUUID().slice(0, 8).replace(/-/g, "")}`;
    const post = await createPost();
    const [top] = await createComments(post.id, [{ body: `visible ${word}` }]);
    const held = idOf(await write(user, post.id, `${threeLinks()} ${word}`, { parentId: top }));

    const page = await getCommentPage(post.id, null);
    expect(page.comments.map((comment) => comment.id)).toEqual([top]);
    expect(page.total).toBe(1);
    expect(page.hiddenReplies).toEqual({});
    expect((await getCommentSubtree(top))?.page.comments.map((comment) => comment.id)).toEqual([top]);
    expect(await getCommentSubtree(held)).toBeNull();
    expect(await locateComment(held)).toBeNull();
    expect((await getFeedComments({ postId: post.id })).map((comment) => comment.id)).toEqual([top]);
    const listing = await getPublishedPosts({ page: 1, perPage: 500 });
    expect(listing.posts.find((entry) => entry.id === post.id)?.commentCount).toBe(1);
    expect((await searchComments(word, { page: 1, perPage: 10 })).hits.map((hit) => hit.id)).toEqual([top]);

    const moderator = await actor("moderator");
    await moderateHeld(moderator, "approve", [held]);
    const after = await getCommentPage(post.id, null);
    expect(after.comments.map((comment) => comment.id)).toEqual([top, held]);
    expect(after.total).toBe(2);
    expect((await searchComments(word, { page: 1, perPage: 10 })).hits).toHaveLength(2);
  });

  it("shows a held comment to its author and moderators only", async () => {
    const author = { ...(await createUser()), banned: false };
    const stranger = { ...(await createUser()), banned: false };
    const moderator = await actor("moderator");
    const post = await createPost();
    const held = idOf(await write(author, post.id, threeLinks()));
    expect(await getVisibleHeldIds(author, post.id)).toEqual([held]);
    expect(await getVisibleHeldIds(stranger, post.id)).toEqual([]);
    expect(await getVisibleHeldIds(moderator, post.id)).toEqual([held]);
    expect((await getVisibleHeldComments(author, post.id))[0]).toMatchObject({ reasons: [] });
    expect((await getVisibleHeldComments(moderator, post.id))[0]).toMatchObject({ reasons: ["links"] });
    expect(await countHeld(author)).toBeNull();
    expect(await countHeld(moderator)).toBeGreaterThanOrEqual(1);
  });
});

describe("the Held queue", () => {
  it("lists held comments with their reasons for moderators only; a commenter cannot approve", async () => {
    const author = { ...(await createUser()), banned: false };
    const moderator = await actor("moderator");
    const post = await createPost();
    const held = idOf(await write(author, post.id, threeLinks()));
    expect(await getHeldQueue(author)).toBeNull();
    const queue = await getHeldQueue(moderator, { limit: 1000 });
    expect(queue?.comments.find((comment) => comment.id === held)).toMatchObject({ reasons: ["links"] });
    expect(await moderateHeld(author, "approve", [held])).toEqual({ ok: false, reason: "forbidden" });
    expect(await moderateHeld(await actor("moderator", { banned: true }), "approve", [held])).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: held } })).status).toBe("held");
  });

  it("approves, deletes and deletes as spam in bulk, logging each once", async () => {
    const author = await createUser();
    const moderator = await actor("moderator");
    const post = await createPost();
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(idOf(await write(author, post.id, threeLinks())));
    const approved = await moderateHeld(moderator, "approve", ids.slice(0, 2));
    expect(approved).toMatchObject({ ok: true, changed: 2, posts: [{ id: post.id }] });
    expect(await moderateHeld(moderator, "spam", [ids[2]])).toMatchObject({
      ok: true,
      changed: 1,
      posts: [],
    });
    expect(await moderateHeld(moderator, "delete", [ids[3]])).toMatchObject({ ok: true, changed: 1 });
    const rows = await db.comment.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.status, row.deletedAt !== null, row.deletionNote])).toEqual([
      ["published", false, null],
      ["published", false, null],
      ["held", true, "Spam"],
      ["held", true, null],
    ]);
    const actions = await db.moderationLog.findMany({
      where: { targetId: { in: ids.map(String) } },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((row) => row.action)).toEqual([
      "comment.held.approve",
      "comment.held.approve",
      "comment.held.spam",
      "comment.held.delete",
    ]);
  });

  it("of concurrent approvals, and of approve racing delete, exactly one changes each comment", async () => {
    const author = await createUser();
    const [first, second] = [await actor("moderator"), await actor("moderator")];
    const post = await createPost();
    const a = idOf(await write(author, post.id, threeLinks()));
    const b = idOf(await write(author, post.id, threeLinks()));
    const approvals = await Promise.all([
      moderateHeld(first, "approve", [a]),
      moderateHeld(second, "approve", [a]),
      moderateHeld(first, "approve", [a]),
    ]);
    expect(approvals.map((result) => (result.ok ? result.changed : -1)).sort()).toEqual([0, 0, 1]);
    expect(await db.moderationLog.count({ where: { targetId: String(a) } })).toBe(1);

    const race = await Promise.all([
      moderateHeld(first, "approve", [b]),
      moderateHeld(second, "delete", [b]),
    ]);
    expect(race.map((result) => (result.ok ? result.changed : -1)).reduce((x, y) => x + y)).toBe(1);
    const row = await db.comment.findUniqueOrThrow({ where: { id: b } });
    // Either approved and live, or deleted while still held: never both.
    expect(row.status === "published" ? row.deletedAt : row.status).toBe(
      row.status === "published" ? null : "held",
    );
    expect(await db.moderationLog.count({ where: { targetId: String(b) } })).toBe(1);
    expect((await getCommentPage(post.id, null)).total).toBe(row.status === "published" ? 2 : 1);
  });
});

describe("the cost of the rules", () => {
  it("a comment costs a fixed number of statements, whatever the rules", async () => {
    const user = await createUser();
    const post = await createPost();
    const [parent] = await createComments(post.id, [{}]);
    const count = async (work: () => Promise<unknown>) => {
      const before = sqlStatementCounter.count;
      await work();
      return sqlStatementCounter.count - before;
    };
    const send = (body: string, parentId: number | null, rules?: ReturnType<typeof settings>) =>
      createComment(
        { author: user, postId: post.id, parentId, body, idempotencyKey: randomUUID() },
        relaxed,
        undefined,
        rules,
      );
    await send("opens the author's hour window", null);
    const costs = [
      await count(() => send("top-level", null)),
      await count(() => send("reply", parent)),
      await count(() => send("counted", null, settings({ holdUntilApproved: 3 }))),
    ];
    // One read (the post, the parent if any, an earlier duplicate), the author's slot, the
    // insert and its event in one transaction (its COMMIT counted too): the rules are in
    // memory and the author's standing came with the request. A rule that needs the
    // approved count reads it.
    expect(costs).toEqual([5, 5, 6]);
  });
});

describe("the security log", () => {
  it("logs a held comment and each moderation step under fixed names, never the text", async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const author = await createUser();
      const moderator = await actor("moderator");
      const post = await createPost();
      const body = threeLinks();
      const held = idOf(await write(author, post.id, body));
      await moderateHeld(moderator, "approve", [held]);
      const events = written.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(events).toContainEqual(
        expect.objectContaining({
          event: "comment.held",
          commentId: held,
          reasons: ["links"],
          userId: author.id,
        }),
      );
      expect(events).toContainEqual(
        expect.objectContaining({
          event: "moderation.action",
          action: "comment.held.approve",
          targetId: String(held),
        }),
      );
      expect(written.join("")).not.toContain(body.split(" ")[1]);
    } finally {
      spy.mockRestore();
    }
  });
});
