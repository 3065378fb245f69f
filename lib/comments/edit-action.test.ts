import { describe, expect, it } from "vitest";
import { request, revalidated, signInAs } from "@/tests/support/session";
import { runAction } from "@/tests/support/actions";
import { db } from "@/lib/db";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { createHeldComment, THREE_LINKS } from "@/tests/support/held";
import { defaultCommentSettings } from "@/lib/data/comment-settings";
import { editComment, getCommentHistory } from "@/lib/data/comment-edits";
import { getCommentPage } from "@/lib/data/comment-pages";
import { getFeedComments } from "@/lib/data/feeds";
import { COMMENT_MAX } from "@/lib/validations/comment";
import { editCommentAction, editCommentFromPageAction, loadCommentForEditAction } from "./edit-actions";

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [name, value] of Object.entries({ version: 0, note: "", returnTo: "", ...fields }))
    data.set(name, String(value));
  return data;
}

const edit = (fields: Record<string, string | number>) =>
  runAction(() => editCommentAction({ status: "idle" }, form(fields)));

const bodyOf = async (id: number) => (await db.comment.findUniqueOrThrow({ where: { id } })).body;
const revisionsOf = (commentId: number) =>
  db.commentRevision.findMany({ where: { commentId }, orderBy: { id: "asc" } });

/** A comment written just now by `authorId` (factories date theirs in 2024, outside any window). */
async function freshComment(authorId: string | null, body = "Original text") {
  const post = await createPost();
  const [id] = await createComments(post.id, [{ authorId: authorId ?? undefined, body }]);
  await db.comment.update({ where: { id }, data: { createdAt: new Date() } });
  return { post, id };
}

describe("editing a comment through the action", () => {
  it("saves the author's edit within the window, keeps the old text, marks it edited and expires its pages", async () => {
    const author = await createUser();
    const { post, id } = await freshComment(author.id);
    signInAs(author.id);
    expect(await edit({ commentId: id, body: "Fixed text" })).toMatchObject({
      status: "success",
      saved: "saved",
    });
    const row = await db.comment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ body: "Fixed text", status: "published" });
    expect(row.editedAt).not.toBeNull();
    expect(await revisionsOf(id)).toMatchObject([{ body: "Original text", editorId: author.id, note: null }]);
    // Outright expiry: the action's answer is the page rendered afresh, with the new text.
    expect(revalidated.some((entry) => entry.endsWith(post.slug))).toBe(true);
    expect(revalidated.every((entry) => !entry.includes("(expire"))).toBe(true);

    // Readers see the new text and "edited"; the feed carries it too, updated.
    const page = await getCommentPage(post.id, null);
    expect(page.comments[0]).toMatchObject({ body: "Fixed text", editedAt: row.editedAt });
    const [entry] = await getFeedComments({ postId: post.id });
    expect(entry).toMatchObject({ body: "Fixed text", updatedAt: row.editedAt });
  });

  it("refuses someone else's, a deleted, an out-of-window and an imported comment, changing nothing", async () => {
    const author = await createUser();
    const other = await createUser();
    const { id: othersComment } = await freshComment(other.id);
    const { id: deleted } = await freshComment(author.id);
    await db.comment.update({
      where: { id: deleted },
      data: { deletedAt: new Date(), deletedReason: "author" },
    });
    const { id: old } = await freshComment(author.id);
    await db.comment.update({ where: { id: old }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    const { id: imported } = await freshComment(null);
    await db.importedItem.create({
      data: { source: "blogger", kind: "comment", sourceId: `c-${imported}`, localId: imported },
    });

    signInAs(author.id);
    const cases: [number, RegExp][] = [
      [othersComment, /only edit your own/],
      [deleted, /has been removed/],
      [old, /edited for 15 minutes after posting/],
      [imported, /only edit your own/],
    ];
    for (const [id, message] of cases) {
      const before = await bodyOf(id);
      const answer = await edit({ commentId: id, body: "Rewritten" });
      expect(answer, String(id)).toMatchObject({ status: "error", values: { body: "Rewritten" } });
      expect((answer as { formError: string }).formError).toMatch(message);
      expect(await bodyOf(id)).toBe(before);
      expect(await revisionsOf(id)).toEqual([]);
      expect(await loadCommentForEditAction(String(id))).toMatchObject({ status: "error" });
    }
    signInAs(null);
    expect(await edit({ commentId: othersComment, body: "Rewritten" })).toMatchObject({ status: "error" });
    signInAs((await createUser({ bannedAt: new Date() })).id);
    expect(await edit({ commentId: othersComment, body: "Rewritten" })).toMatchObject({ status: "error" });
    expect(revalidated).toEqual([]);
  });

  it("lets a moderator edit anyone's published comment at any time, with a note, logged", async () => {
    const moderator = await createUser({ role: "moderator" });
    const author = await createUser();
    const post = await createPost();
    const [old] = await createComments(post.id, [{ authorId: author.id, body: "Rude words" }]);
    const { id: imported } = await freshComment(null, "Imported");
    await db.importedItem.create({
      data: { source: "blogger", kind: "comment", sourceId: `m-${imported}`, localId: imported },
    });
    const held = await createHeldComment(author, post.id);
    signInAs(moderator.id);

    expect(await edit({ commentId: old, body: "Kind words" })).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/Say why/),
    });
    expect(await edit({ commentId: old, body: "Kind words", note: "Removed an insult" })).toMatchObject({
      status: "success",
    });
    expect(await edit({ commentId: imported, body: "Fixed", note: "Broken markup" })).toMatchObject({
      status: "success",
    });
    // Someone else's held comment is approved or deleted, not rewritten.
    expect(await edit({ commentId: held, body: "Fixed", note: "x" })).toMatchObject({ status: "error" });
    expect(await revisionsOf(old)).toMatchObject([
      { body: "Rude words", editorId: moderator.id, note: "Removed an insult" },
    ]);
    expect(
      await db.moderationLog.findFirst({ where: { action: "comment.edit", targetId: String(old) } }),
    ).toMatchObject({ actorId: moderator.id, detail: "Removed an insult" });

    // History: moderators see every version; nobody else gets it.
    const history = await getCommentHistory({ ...moderator, banned: false }, old);
    expect(history?.comment.body).toBe("Kind words");
    expect(history?.revisions).toMatchObject([
      { body: "Rude words", byModerator: true, editorName: moderator.name },
    ]);
    expect(await getCommentHistory({ role: "commenter", banned: false }, old)).toBeNull();
  });

  it("applies a new comment's rules: length, controls stripped, flood control, and links hold it again", async () => {
    const author = await createUser();
    const { post, id } = await freshComment(author.id);
    signInAs(author.id);
    const tooLong = await edit({ commentId: id, body: "x".repeat(COMMENT_MAX + 1) });
    expect(tooLong).toMatchObject({
      status: "error",
      fieldErrors: { body: expect.stringMatching(/at most/) },
    });

    expect(await edit({ commentId: id, body: "abc\u202Edef" })).toMatchObject({ status: "success" });
    expect(await bodyOf(id)).toBe("abcdef");

    // A second write within the interval (15 s by default) is flood-controlled like a comment.
    const version = (await db.comment.findUniqueOrThrow({ where: { id } })).editedAt!.getTime();
    const tooFast = await edit({ commentId: id, body: "again", version });
    expect(tooFast).toMatchObject({ status: "error", formError: expect.stringMatching(/too quickly/) });

    // Past the interval, an edit that adds links is held: readers' pages drop it, and
    // its author is sent to its own page, which says it awaits moderation.
    await db.user.update({ where: { id: author.id }, data: { lastCommentAt: null } });
    revalidated.length = 0;
    const held = await edit({ commentId: id, body: `see ${THREE_LINKS}`, version });
    expect(held).toMatchObject({ status: "redirect", redirectTo: `/comments/${id}/held?notice=edit-held` });
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "held" });
    expect(revalidated.some((entry) => entry.endsWith(post.slug))).toBe(true);
    expect((await getCommentPage(post.id, null)).comments).toEqual([]);
  });

  it("lets an author edit their own held comment, which stays held", async () => {
    const author = await createUser();
    const post = await createPost();
    const held = await createHeldComment(author, post.id, "first try");
    // Past the flood interval since it was written.
    await db.user.update({ where: { id: author.id }, data: { lastCommentAt: null } });
    signInAs(author.id);
    const answer = await edit({ commentId: held, body: "second try, no links" });
    expect(answer).toMatchObject({
      status: "redirect",
      redirectTo: `/comments/${held}/held?notice=edit-held`,
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: held } })).toMatchObject({
      status: "held",
      body: "second try, no links",
    });
    // Nothing readers see changed.
    expect(revalidated).toEqual([]);
  });

  it("without JavaScript, ends at the comment", async () => {
    const author = await createUser();
    const { id } = await freshComment(author.id);
    signInAs(author.id);
    request.withScript = false;
    const answer = await runAction(() =>
      editCommentFromPageAction({ status: "idle" }, form({ commentId: id, body: "From the page" })),
    );
    expect(answer).toMatchObject({ status: "redirect", redirectTo: `/comments/${id}` });
  });

  it("two saves from the same version: one wins, the other is told, and no text is lost", async () => {
    // A moderator's edit of someone else's comment is not flood-controlled: only the guard decides.
    const author = await createUser({ role: "moderator" });
    const { id } = await freshComment((await createUser()).id);
    const limits = { minIntervalSeconds: 0, perHour: 1000 };
    const settings = defaultCommentSettings();
    const results = await Promise.all(
      ["First save", "Second save", "Third save"].map((body) =>
        editComment(
          { ...author, banned: false },
          { commentId: id, body, version: 0, note: "typo" },
          limits,
          new Date(),
          settings,
        ),
      ),
    );
    const won = results.filter((result) => result.ok);
    expect(won).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, reason: "conflict" },
      { ok: false, reason: "conflict" },
    ]);
    expect(await revisionsOf(id)).toMatchObject([{ body: "Original text" }]);
  });
});
