import { describe, expect, it } from "vitest";
import { revalidated, signInAs } from "@/tests/support/session";
import { db } from "@/lib/db";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { deleteCommentAction } from "./actions";

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  return data;
}

const isDeleted = async (id: number) =>
  (await db.comment.findUniqueOrThrow({ where: { id } })).deletedAt !== null;

describe("deleteCommentAction", () => {
  it("refuses the signed out and others' comments, and expires nothing", async () => {
    const post = await createPost();
    const author = await createUser();
    const [comment] = await createComments(post.id, [{ authorId: author.id }]);
    expect(await deleteCommentAction({ status: "idle" }, form({ commentId: comment }))).toMatchObject({
      status: "error",
    });
    signInAs((await createUser()).id);
    expect(await deleteCommentAction({ status: "idle" }, form({ commentId: comment }))).toMatchObject({
      status: "error",
      formError: "You can only delete your own comments.",
    });
    expect(await isDeleted(comment)).toBe(false);
    expect(revalidated).toEqual([]);
  });

  it("deletes the author's own comment and expires its pages outright, so the answer is the fresh page", async () => {
    const post = await createPost();
    const author = await createUser();
    const [comment] = await createComments(post.id, [{ authorId: author.id }]);
    signInAs(author.id);
    expect(await deleteCommentAction({ status: "idle" }, form({ commentId: comment }))).toMatchObject({
      status: "success",
      deletedId: comment,
    });
    expect(await isDeleted(comment)).toBe(true);
    // No stale window ("(expire …)"): Next renders the page afresh into the action's answer.
    expect(revalidated).toContain(`tag:_N_T_/feeds/${post.id}/comments/default`);
    expect(revalidated.some((entry) => entry.startsWith(`tag:_N_T_/20`) && entry.endsWith(post.slug))).toBe(
      true,
    );
    expect(revalidated.every((entry) => !entry.includes("(expire"))).toBe(true);
  });
});
