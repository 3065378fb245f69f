import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signInAs } from "@/tests/support/session";
import { formData, runAction } from "@/tests/support/actions";
import { deleteCommentAction } from "@/lib/comments/actions";
import { banUserAction, restoreCommentAction } from "@/app/(moderation)/moderation/actions";
import { buildCommentTree, countLiveComments } from "@/lib/comments/tree";
import { db } from "@/lib/db";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { getThreadComments } from "./comments";
import { createComment } from "./comment-writes";
import { getModerationLog, getModerationQueue } from "./moderation-queue";

/** Runs an action that ends in redirect(), returning where it sent the user. */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  const result = (await runAction(run)) as { redirectTo?: string } | undefined;
  if (result?.redirectTo) return result.redirectTo;
  throw new Error("expected a redirect");
}

const formOf = (fields: Record<string, string | number>) =>
  formData(Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, String(value)])));

async function scene() {
  const author = await createUser({ name: "Author" });
  const post = await createPost();
  const [commentId] = await createComments(post.id, [
    { authorId: author.id, body: "original text, exactly" },
  ]);
  return { author, post, commentId };
}

type Actor = "signed out" | "author" | "other reader" | "banned" | "moderator" | "admin";
const ACTORS: Actor[] = ["signed out", "author", "other reader", "banned", "moderator", "admin"];

async function actorId(actor: Actor, author: { id: string }): Promise<string | null> {
  switch (actor) {
    case "signed out":
      return null;
    case "author":
      return author.id;
    case "other reader":
      return (await createUser()).id;
    case "banned":
      return (await createUser({ bannedAt: new Date() })).id;
    case "moderator":
      return (await createUser({ role: "moderator" })).id;
    case "admin":
      return (await createUser({ role: "admin" })).id;
  }
}

describe("moderation authorization matrix", () => {
  for (const actor of ACTORS) {
    const mayDelete = actor === "author" || actor === "moderator" || actor === "admin";
    it(`${actor} deleting a comment: ${mayDelete ? "deleted" : "refused, nothing changes"}`, async () => {
      const { author, commentId } = await scene();
      signInAs(await actorId(actor, author));
      const state = await deleteCommentAction({ status: "idle" }, formOf({ commentId }));
      const row = await db.comment.findUniqueOrThrow({ where: { id: commentId } });
      expect(state.status).toBe(mayDelete ? "success" : "error");
      expect(row.deletedAt !== null).toBe(mayDelete);
      if (mayDelete) expect(row.deletedReason).toBe(actor === "author" ? "author" : "moderator");
    });

    const mayModerate = actor === "moderator" || actor === "admin";
    it(`${actor} restoring a deleted comment: ${mayModerate ? "restored" : "refused"}`, async () => {
      const { author, commentId } = await scene();
      await db.comment.update({
        where: { id: commentId },
        data: { deletedAt: new Date(), deletedReason: "author" },
      });
      signInAs(await actorId(actor, author));
      const target = await redirectOf(() => restoreCommentAction(formOf({ commentId })));
      const row = await db.comment.findUniqueOrThrow({ where: { id: commentId } });
      expect(row.deletedAt === null).toBe(mayModerate);
      expect(target).toMatch(
        mayModerate ? /notice=restored/ : actor === "signed out" ? /^\/signin/ : /notice=forbidden/,
      );
    });

    it(`${actor} banning a commenter: ${mayModerate ? "banned" : "refused"}`, async () => {
      const { author } = await scene();
      const victim = actor === "author" ? await createUser() : author;
      signInAs(await actorId(actor, author));
      await redirectOf(() =>
        banUserAction(formOf({ userId: victim.id, reason: "spam", deleteComments: "" })),
      );
      const row = await db.user.findUniqueOrThrow({ where: { id: victim.id } });
      expect(row.bannedAt !== null).toBe(mayModerate);
    });
  }

  it("a moderator cannot ban an admin, another moderator, or themselves; an admin can ban a moderator", async () => {
    const moderator = await createUser({ role: "moderator" });
    const otherModerator = await createUser({ role: "moderator" });
    const admin = await createUser({ role: "admin" });
    signInAs(moderator.id);
    for (const target of [admin, otherModerator, moderator]) {
      await redirectOf(() => banUserAction(formOf({ userId: target.id, reason: "", deleteComments: "" })));
      expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).bannedAt).toBeNull();
    }
    signInAs(admin.id);
    await redirectOf(() =>
      banUserAction(formOf({ userId: otherModerator.id, reason: "", deleteComments: "" })),
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: otherModerator.id } })).bannedAt).not.toBeNull();
  });
});

describe("deletion rules", () => {
  it("keeps a deleted comment with replies as a tombstone and drops a deleted leaf; counts exclude both", async () => {
    const post = await createPost();
    const moderator = await createUser({ role: "moderator" });
    const [parent, , leaf] = await createComments(post.id, [{ body: "parent words" }, { parent: 0 }, {}]);
    signInAs(moderator.id);
    for (const id of [parent, leaf]) await deleteCommentAction({ status: "idle" }, formOf({ commentId: id }));
    const comments = await getThreadComments(post.id);
    const roots = buildCommentTree(comments);
    expect(roots.map((r) => r.id)).toEqual([parent]);
    expect(roots[0]).toMatchObject({ deleted: "moderator", body: null });
    expect(roots[0].replies).toHaveLength(1);
    expect(countLiveComments(comments)).toBe(1);
    expect(JSON.stringify(comments)).not.toContain("parent words");
  });

  it("deleting twice is harmless and logs once; restore brings back the exact text", async () => {
    const { commentId } = await scene();
    const moderator = await createUser({ role: "moderator", name: "Mod" });
    signInAs(moderator.id);
    const note = `off-topic ${randomUUID()}`;
    await deleteCommentAction({ status: "idle" }, formOf({ commentId, note }));
    const again = await deleteCommentAction({ status: "idle" }, formOf({ commentId }));
    expect(again.status).toBe("success");
    let log = await getModerationLog({ role: "moderator", banned: false }, 500);
    expect(log.filter((e) => e.targetId === String(commentId))).toEqual([
      expect.objectContaining({ action: "comment.delete.moderator", actorName: "Mod", detail: note }),
    ]);
    const queue = await getModerationQueue(
      { role: "moderator", banned: false },
      { filter: "deleted", page: 1, perPage: 500 },
    );
    expect(queue.comments.find((c) => c.id === commentId)).toMatchObject({
      body: "original text, exactly",
      deletion: { by: "Mod", note },
    });

    await redirectOf(() => restoreCommentAction(formOf({ commentId })));
    const row = await db.comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(row).toMatchObject({
      body: "original text, exactly",
      deletedAt: null,
      deletedById: null,
      deletedReason: null,
    });
    log = await getModerationLog({ role: "moderator", banned: false }, 500);
    expect(log.filter((e) => e.targetId === String(commentId)).map((e) => e.action)).toEqual([
      "comment.restore",
      "comment.delete.moderator",
    ]);
  });

  it("nobody can reply to a deleted comment", async () => {
    const { post, commentId, author } = await scene();
    signInAs(author.id);
    await deleteCommentAction({ status: "idle" }, formOf({ commentId }));
    const replier = await createUser();
    const result = await createComment({
      author: replier,
      postId: post.id,
      parentId: commentId,
      body: "late",
      idempotencyKey: randomUUID(),
    });
    expect(result).toEqual({ ok: false, reason: "parent-deleted" });
  });

  it("banning with 'delete all their comments' removes every live comment of the user", async () => {
    const post = await createPost();
    const spammer = await createUser();
    await createComments(post.id, [{ authorId: spammer.id }, { authorId: spammer.id }, {}]);
    signInAs((await createUser({ role: "moderator" })).id);
    await redirectOf(() =>
      banUserAction(formOf({ userId: spammer.id, reason: "spam", deleteComments: "on" })),
    );
    expect(await db.comment.count({ where: { authorId: spammer.id, deletedAt: null } })).toBe(0);
    expect(countLiveComments(await getThreadComments(post.id))).toBe(1);
    const replied = await createComment(
      { author: spammer, postId: post.id, parentId: null, body: "again", idempotencyKey: randomUUID() },
      { minIntervalSeconds: 0, perHour: 100 },
    );
    expect(replied).toEqual({ ok: false, reason: "banned" });
  });

  it("only moderators can read the queue with deleted text", async () => {
    await expect(
      getModerationQueue({ role: "commenter", banned: false }, { filter: "deleted", page: 1 }),
    ).rejects.toThrow(/moderators only/);
  });

  it("100 concurrent deletes and replies on one subtree leave a consistent tree and lose no rows", async () => {
    const post = await createPost();
    const moderator = await createUser({ role: "moderator" });
    const ids = await createComments(post.id, [
      {},
      ...Array.from({ length: 49 }, (_, i) => ({ parent: Math.floor(i / 2) })),
    ]);
    const repliers = await Promise.all(Array.from({ length: 50 }, () => createUser()));
    signInAs(moderator.id);
    const work = [
      ...ids.map((id) => deleteCommentAction({ status: "idle" }, formOf({ commentId: id }))),
      ...repliers.map((user, i) =>
        createComment({
          author: user,
          postId: post.id,
          parentId: ids[i % ids.length],
          body: `reply ${i}`,
          idempotencyKey: randomUUID(),
        }),
      ),
    ];
    const results = await Promise.all(work);
    const stored = results.slice(50).filter((r) => "ok" in r && r.ok).length;
    const rows = await db.comment.findMany({
      where: { postId: post.id },
      select: { id: true, parentId: true, deletedAt: true },
    });
    expect(rows).toHaveLength(50 + stored);
    const byId = new Set(rows.map((r) => r.id));
    expect(rows.every((r) => r.parentId === null || byId.has(r.parentId))).toBe(true);
    expect(rows.filter((r) => ids.includes(r.id)).every((r) => r.deletedAt !== null)).toBe(true);
    const comments = await getThreadComments(post.id);
    expect(countLiveComments(comments)).toBe(stored);
    // Every live reply is visible in the tree, under tombstones where needed.
    let visibleLive = 0;
    const stack = buildCommentTree(comments);
    while (stack.length) {
      const node = stack.pop()!;
      if (!node.deleted) visibleLive++;
      stack.push(...node.replies);
    }
    expect(visibleLive).toBe(stored);
  });
});
