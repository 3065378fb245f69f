import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getCommentPage } from "@/lib/data/comment-pages";
import { setCommentLike } from "@/lib/data/comment-likes";
import { buildCommentTree } from "@/lib/comments/tree";
import { db } from "@/lib/db";
import { formData, runAction } from "@/tests/support/actions";
import { createHeldComment } from "@/tests/support/held";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { mockedAuth, revalidated, request, signInAs } from "@/tests/support/session";
import { changePasswordAction, deleteAccountAction, renameAction } from "./actions";

const PASSWORD = "a long and private passphrase";
const idle = { status: "idle" } as const;
const EVERYTHING = "tag:_N_T_/layout";

async function passwordUser(overrides: Parameters<typeof createUser>[0] = {}) {
  return createUser({ passwordHash: await hashPassword(PASSWORD), ...overrides });
}

const rename = (name: string) => runAction(() => renameAction(idle, formData({ name })));
const changePassword = (currentPassword: string, newPassword: string) =>
  runAction(() => changePasswordAction(idle, formData({ currentPassword, newPassword })));
const deleteAccount = (fields: { mode?: string; password?: string; confirmEmail?: string }) =>
  runAction(() =>
    deleteAccountAction(
      idle,
      formData({ mode: "anonymous", password: "", confirmEmail: "", ...fields } as Record<string, string>),
    ),
  );

describe("renameAction", () => {
  it("renames the account and the name on every comment of theirs, and expires every cached page", async () => {
    const post = await createPost();
    const user = await passwordUser({ name: "Ada" });
    const other = await createUser({ name: "Grace" });
    const [mine, theirs] = await createComments(post.id, [{ authorId: user.id }, { authorId: other.id }]);
    await db.comment.updateMany({ where: { id: { in: [mine, theirs] } }, data: { authorName: "Ada" } });
    signInAs(user.id);
    expect(await rename("  Ada   Lovelace ")).toMatchObject({
      status: "success",
      values: { name: "Ada Lovelace" },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Ada Lovelace");
    expect((await db.comment.findUniqueOrThrow({ where: { id: mine } })).authorName).toBe("Ada Lovelace");
    // Someone else's comment that happened to carry the same name is theirs.
    expect((await db.comment.findUniqueOrThrow({ where: { id: theirs } })).authorName).toBe("Ada");
    expect(revalidated).toContain(EVERYTHING);
  });

  it("applies the sign-up name rules: reserved words, staff look-alikes, invisible characters, length", async () => {
    const staff = await createUser({ role: "moderator", name: `Mod ${randomUUID().slice(0, 6)}` });
    const user = await createUser({ name: "Plain Reader" });
    signInAs(user.id);
    for (const name of ["Site Admin", "Аdmіn", staff.name.replace("o", "0")])
      expect(await rename(name), name).toMatchObject({
        status: "error",
        fieldErrors: { name: expect.stringMatching(/reserved/) },
      });
    expect(await rename("Ad\u202Ea")).toMatchObject({
      fieldErrors: { name: expect.stringMatching(/invisible/) },
    });
    expect(await rename("n".repeat(51))).toMatchObject({
      fieldErrors: { name: expect.stringMatching(/at most 50/) },
    });
    expect(await rename("   ")).toMatchObject({ fieldErrors: { name: "Enter your name." } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Plain Reader");
    expect(revalidated).toEqual([]);
  });

  it("lets staff rename themselves without counting as their own look-alike", async () => {
    const name = `Editor ${randomUUID().slice(0, 6)}`;
    const staff = await createUser({ role: "moderator", name });
    signInAs(staff.id);
    expect(await rename(`${name} Jr`)).toMatchObject({ status: "success" });
  });

  it("refuses the signed-out and the banned, and limits renames to five a day", async () => {
    expect(await rename("Anyone")).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/signed out/),
    });
    const banned = await createUser({ bannedAt: new Date(), name: "Banned" });
    signInAs(banned.id);
    expect(await rename("Fresh Start")).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/banned/),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: banned.id } })).name).toBe("Banned");

    const user = await createUser({ name: "Name 0" });
    signInAs(user.id);
    for (let i = 1; i <= 5; i++) expect(await rename(`Name ${i}`)).toMatchObject({ status: "success" });
    expect(await rename("Name 6")).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/try again in/),
    });
    // The same name again changes nothing and costs nothing.
    expect(await rename("Name 5")).toMatchObject({ status: "success" });
  });

  it("redirects a plain form post back to the account page with a notice", async () => {
    const user = await createUser();
    signInAs(user.id);
    request.withScript = false;
    expect(await rename("New Name")).toEqual({ status: "redirect", redirectTo: "/account?notice=renamed" });
  });
});

describe("changePasswordAction", () => {
  it("needs the current password, then sets the new one and ends every other session", async () => {
    const user = await passwordUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    signInAs(user.id);
    expect(await changePassword("not my password at all", "another long passphrase here")).toMatchObject({
      status: "error",
      fieldErrors: { currentPassword: "That is not your current password." },
    });
    const next = "another long passphrase here";
    mockedAuth.signIn.mockClear();
    // Signing this device in again is Auth.js's redirect; mocked, it fails, and the action sends to sign-in.
    expect(await changePassword(PASSWORD, next)).toMatchObject({
      status: "redirect",
      redirectTo: "/signin?callbackUrl=%2Faccount",
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash!, next)).toBe(true);
    expect(await verifyPassword(after.passwordHash!, PASSWORD)).toBe(false);
    // Tokens carry the version they were minted with: every older one is refused (auth.ts, decision 006).
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(mockedAuth.signIn).toHaveBeenCalledWith("credentials", {
      email: user.email,
      password: next,
      redirectTo: "/account?notice=password-changed",
    });
    // The response never carries a password back.
    const refused = await changePassword("wrong", "x");
    expect(JSON.stringify(refused)).not.toContain("wrong");
  });

  it("applies the sign-up password rules to the new one", async () => {
    const user = await passwordUser();
    signInAs(user.id);
    for (const [password, message] of [
      ["fourteen chars", /at least 15/],
      ["password123456789", /too common/],
      ["dragondragondragon", /too common/],
      [PASSWORD, /different from your current/],
    ] as const)
      expect(await changePassword(PASSWORD, password), password).toMatchObject({
        fieldErrors: { newPassword: expect.stringMatching(message) },
      });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash!, PASSWORD)).toBe(true);
  });

  it("throttles password guesses through a stolen session: five per 15 minutes", async () => {
    const user = await passwordUser();
    signInAs(user.id);
    for (let i = 0; i < 5; i++)
      expect(await changePassword(`guess number ${i}`, "another long passphrase here")).toMatchObject({
        fieldErrors: { currentPassword: expect.any(String) },
      });
    expect(await changePassword(PASSWORD, "another long passphrase here")).toMatchObject({
      formError: expect.stringMatching(/Too many password attempts/),
    });
  });

  it("refuses the signed-out, and an account without a password", async () => {
    expect(await changePassword(PASSWORD, "another long passphrase here")).toMatchObject({
      formError: expect.stringMatching(/signed out/),
    });
    signInAs((await createUser()).id);
    expect(await changePassword("anything", "another long passphrase here")).toMatchObject({
      fieldErrors: { currentPassword: expect.stringMatching(/no password/) },
    });
  });
});

/** A post with: a comment by `user` and a reply to it by someone else, and the user's reply to that. */
async function conversation(userId: string) {
  const post = await createPost();
  const other = await createUser({ name: "Replier" });
  const [theirs, reply, answer] = await createComments(post.id, [
    { authorId: userId, body: "My first words" },
    { authorId: other.id, parent: 0, body: "A reply to you" },
    { authorId: userId, parent: 1, body: "My answer" },
  ]);
  return { post, theirs, reply, answer, other };
}

describe("deleteAccountAction", () => {
  it("takes the account's likes off the counts of the comments it liked", async () => {
    const user = await passwordUser();
    const other = await createUser();
    const post = await createPost();
    const [liked, alsoLiked] = await createComments(post.id, [
      { authorId: other.id },
      { authorId: other.id },
    ]);
    const third = await createUser();
    for (const id of [liked, alsoLiked])
      for (const liker of [user.id, third.id])
        expect(await setCommentLike(liker, id, true)).toMatchObject({ ok: true });
    signInAs(user.id);
    expect(await deleteAccount({ mode: "anonymous", password: PASSWORD })).toMatchObject({
      status: "redirect",
    });
    const counts = await db.comment.findMany({
      where: { id: { in: [liked, alsoLiked] } },
      select: { likeCount: true },
    });
    expect(counts.map((row) => row.likeCount)).toEqual([1, 1]);
    expect(await db.commentLike.count({ where: { userId: user.id } })).toBe(0);
  });

  it("keeps the comments signed Anonymous, keeps every reply in place, signs out and expires everything", async () => {
    const user = await passwordUser();
    const { post, theirs, reply, answer, other } = await conversation(user.id);
    const held = await createHeldComment(user, post.id, "held words");
    signInAs(user.id);
    mockedAuth.signOut.mockClear();
    expect(await deleteAccount({ mode: "anonymous", password: PASSWORD })).toEqual({
      status: "redirect",
      redirectTo: "/account/deleted",
    });
    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(mockedAuth.signOut).toHaveBeenCalledWith({ redirectTo: "/account/deleted" });
    expect(revalidated).toContain(EVERYTHING);

    const page = await getCommentPage(post.id, null);
    const [root] = buildCommentTree(page.comments);
    expect(root).toMatchObject({
      id: theirs,
      authorName: "Anonymous",
      authorId: null,
      body: "My first words",
      deleted: null,
    });
    expect(root.replies[0]).toMatchObject({ id: reply, authorId: other.id, body: "A reply to you" });
    expect(root.replies[0].replies[0]).toMatchObject({
      id: answer,
      authorName: "Anonymous",
      body: "My answer",
    });
    // A held comment was never published: it goes, text and all.
    expect(await db.comment.findUniqueOrThrow({ where: { id: held } })).toMatchObject({
      body: "",
      authorId: null,
      deletedReason: "author",
    });
    expect(page.total).toBe(3);
  });

  it("removes the texts when asked, leaving tombstones above the replies others wrote", async () => {
    const user = await passwordUser();
    const { post, theirs, reply, answer, other } = await conversation(user.id);
    signInAs(user.id);
    expect(await deleteAccount({ mode: "remove", password: PASSWORD })).toMatchObject({ status: "redirect" });
    const rows = await db.comment.findMany({ where: { id: { in: [theirs, answer] } } });
    for (const row of rows)
      expect(row).toMatchObject({
        body: "",
        authorName: "Anonymous",
        authorId: null,
        deletedReason: "author",
      });

    const page = await getCommentPage(post.id, null);
    const [root] = buildCommentTree(page.comments);
    expect(root).toMatchObject({ id: theirs, deleted: "author", body: null });
    expect(root.replies.map((node) => node.id)).toEqual([reply]);
    expect(root.replies[0]).toMatchObject({ body: "A reply to you", authorId: other.id });
    // The user's answer, now removed and without replies, is not shown at all.
    expect(root.replies[0].replies).toEqual([]);
    expect(page.total).toBe(1);
  });

  it("requires the password (or, without one, the email typed out) and changes nothing otherwise", async () => {
    const user = await passwordUser();
    const { theirs } = await conversation(user.id);
    signInAs(user.id);
    expect(await deleteAccount({ password: "not the password at all" })).toMatchObject({
      fieldErrors: { password: "That is not your current password." },
    });
    expect(await deleteAccount({ mode: "nonsense", password: PASSWORD })).toMatchObject({
      fieldErrors: { mode: expect.any(String) },
    });
    expect(await db.user.findUnique({ where: { id: user.id } })).not.toBeNull();
    expect((await db.comment.findUniqueOrThrow({ where: { id: theirs } })).authorId).toBe(user.id);
    expect(revalidated).toEqual([]);

    const oauth = await createUser();
    signInAs(oauth.id);
    expect(await deleteAccount({ confirmEmail: "someone@else.test" })).toMatchObject({
      fieldErrors: { confirmEmail: expect.any(String) },
    });
    expect(await deleteAccount({ confirmEmail: ` ${oauth.email.toUpperCase()} ` })).toMatchObject({
      status: "redirect",
    });
    expect(await db.user.findUnique({ where: { id: oauth.id } })).toBeNull();
  });

  it("refuses the signed-out; a banned account may still delete itself", async () => {
    expect(await deleteAccount({ password: PASSWORD })).toMatchObject({
      formError: expect.stringMatching(/signed out/),
    });
    const banned = await passwordUser({ bannedAt: new Date() });
    signInAs(banned.id);
    expect(await deleteAccount({ password: PASSWORD })).toMatchObject({ status: "redirect" });
    expect(await db.user.findUnique({ where: { id: banned.id } })).toBeNull();
  });

  it("never deletes the last admin, even when the last two try at once", async () => {
    // This file has its database to itself (decision 014): only these two are admins.
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "commenter" } });
    const [first, second] = [await passwordUser({ role: "admin" }), await passwordUser({ role: "admin" })];
    const { theirs } = await conversation(first.id);
    const outcomes = await Promise.all(
      [first, second].map(async (admin) => {
        const { deleteOwnAccount } = await import("@/lib/auth/own-account");
        const user = { ...admin, banned: false, sessionVersion: 0 };
        return deleteOwnAccount(user, { mode: "anonymous", password: PASSWORD, confirmEmail: "" });
      }),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([{ ok: false, reason: "last-admin" }]);
    const left = await db.user.findMany({ where: { role: "admin" }, select: { id: true } });
    expect(left).toHaveLength(1);
    // The refused one keeps its comments as they were.
    if (left[0].id === first.id)
      expect((await db.comment.findUniqueOrThrow({ where: { id: theirs } })).authorId).toBe(first.id);

    signInAs(left[0].id);
    expect(await deleteAccount({ password: PASSWORD })).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/only admin/),
    });
    expect(await db.user.findUnique({ where: { id: left[0].id } })).toMatchObject({ role: "admin" });
  });
});
