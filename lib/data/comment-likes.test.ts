import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { createHeldComment } from "@/tests/support/held";
import { getLikedCommentIds, LIKE_RATE, setCommentLike } from "./comment-likes";

async function scene() {
  const post = await createPost();
  const author = await createUser();
  const [commentId] = await createComments(post.id, [{ authorId: author.id }]);
  return { post, author, commentId };
}

const likeCount = async (id: number) =>
  (await db.comment.findUniqueOrThrow({ where: { id }, select: { likeCount: true } })).likeCount;
const likeRows = (commentId: number) => db.commentLike.count({ where: { commentId } });

describe("setCommentLike", () => {
  it("likes once and unlikes, the counter following the rows", async () => {
    const { post, commentId } = await scene();
    const reader = await createUser();
    expect(await setCommentLike(reader.id, commentId, true)).toMatchObject({
      ok: true,
      liked: true,
      likeCount: 1,
      postId: post.id,
    });
    // Liking again (a double click, a repeated form post) changes nothing.
    expect(await setCommentLike(reader.id, commentId, true)).toMatchObject({
      ok: true,
      liked: true,
      likeCount: 1,
    });
    expect(await getLikedCommentIds(reader.id, post.id)).toEqual([commentId]);
    expect(await setCommentLike(reader.id, commentId, false)).toMatchObject({
      ok: true,
      liked: false,
      likeCount: 0,
    });
    expect(await setCommentLike(reader.id, commentId, false)).toMatchObject({
      ok: true,
      liked: false,
      likeCount: 0,
    });
    expect(await likeCount(commentId)).toBe(0);
    expect(await likeRows(commentId)).toBe(0);
    expect(await getLikedCommentIds(reader.id, post.id)).toEqual([]);
  });

  it("refuses the author's own comment", async () => {
    const { author, commentId } = await scene();
    expect(await setCommentLike(author.id, commentId, true)).toEqual({ ok: false, reason: "own-comment" });
    expect(await likeCount(commentId)).toBe(0);
  });

  it("refuses deleted and held comments, unknown ones, and comments of unpublished posts", async () => {
    const { post, author, commentId } = await scene();
    const reader = await createUser();
    await db.comment.update({
      where: { id: commentId },
      data: { deletedAt: new Date(), deletedReason: "author" },
    });
    const held = await createHeldComment(author, post.id);
    const draft = await createPost({ status: "draft", publishedAt: null });
    const [onDraft] = await createComments(draft.id, [{}]);
    for (const id of [commentId, held, onDraft, 2_000_000_000])
      expect(await setCommentLike(reader.id, id, true), String(id)).toEqual({ ok: false, reason: "gone" });
    expect(await db.commentLike.count({ where: { userId: reader.id } })).toBe(0);
  });

  it("keeps the counter right when the comment is deleted between the check and the write", async () => {
    const { commentId } = await scene();
    const reader = await createUser();
    await setCommentLike(reader.id, commentId, true);
    await db.comment.update({
      where: { id: commentId },
      data: { deletedAt: new Date(), deletedReason: "moderator" },
    });
    expect(await setCommentLike(reader.id, commentId, false)).toEqual({ ok: false, reason: "gone" });
    expect(await likeCount(commentId)).toBe(await likeRows(commentId));
  });

  it("counts 100 parallel likes from 100 readers as 100", async () => {
    const { commentId } = await scene();
    const readers = await Promise.all(Array.from({ length: 100 }, () => createUser()));
    const results = await Promise.all(readers.map((reader) => setCommentLike(reader.id, commentId, true)));
    expect(results.every((result) => result.ok && result.liked)).toBe(true);
    expect(await likeCount(commentId)).toBe(100);
    expect(await likeRows(commentId)).toBe(100);
  });

  it("counts 20 parallel likes from one reader as 1, and 20 parallel unlikes back to 0", async () => {
    const { commentId } = await scene();
    const reader = await createUser();
    const likes = await Promise.all(
      Array.from({ length: 20 }, () => setCommentLike(reader.id, commentId, true)),
    );
    expect(likes.every((result) => result.ok && result.liked && result.likeCount === 1)).toBe(true);
    expect(await likeCount(commentId)).toBe(1);
    expect(await likeRows(commentId)).toBe(1);
    const unlikes = await Promise.all(
      Array.from({ length: 20 }, () => setCommentLike(reader.id, commentId, false)),
    );
    expect(unlikes.every((result) => result.ok && !result.liked)).toBe(true);
    expect(await likeCount(commentId)).toBe(0);
    expect(await likeRows(commentId)).toBe(0);
  });

  it("limits how many likes and unlikes one reader makes in a window", async () => {
    const { commentId } = await scene();
    const reader = await createUser();
    const max = "max" in LIKE_RATE ? LIKE_RATE.max : 0;
    const now = new Date();
    for (let i = 0; i < max; i++) {
      const result = await setCommentLike(reader.id, commentId, i % 2 === 0, now);
      expect(result.ok, `toggle ${i}`).toBe(true);
    }
    expect(await setCommentLike(reader.id, commentId, true, now)).toMatchObject({
      ok: false,
      reason: "too-fast",
    });
    expect(await likeCount(commentId)).toBe(0);
    // Another reader is not held back by this one.
    expect(await setCommentLike((await createUser()).id, commentId, true, now)).toMatchObject({ ok: true });
  });
});
