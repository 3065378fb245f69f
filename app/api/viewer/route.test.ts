import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import type { ViewerResponse } from "@/lib/viewer";
import { setCommentLike } from "@/lib/data/comment-likes";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { createHeldComment } from "@/tests/support/held";
import { signInAs } from "@/tests/support/session";
import { GET } from "./route";

async function ask(postId?: number): Promise<ViewerResponse> {
  const url = `http://localhost/api/viewer${postId === undefined ? "" : `?post=${postId}`}`;
  const response = await GET(new NextRequest(url));
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  return response.json();
}

describe("GET /api/viewer and held comments", () => {
  it("tells an author of their held comments, a moderator of all and of the queue's size, others nothing", async () => {
    const author = await createUser();
    const post = await createPost();
    const held = await createHeldComment(author, post.id);

    signInAs(author.id);
    expect((await ask(post.id)).viewer).toMatchObject({ heldCommentIds: [held], heldCount: null });
    signInAs((await createUser()).id);
    expect((await ask(post.id)).viewer).toMatchObject({ heldCommentIds: [], heldCount: null });
    signInAs((await createUser({ role: "moderator" })).id);
    const moderator = (await ask(post.id)).viewer;
    expect(moderator?.heldCommentIds).toEqual([held]);
    expect(moderator?.heldCount).toBeGreaterThanOrEqual(1);
    // Without a post: the header's question, the queue's size only.
    expect((await ask()).viewer).toMatchObject({ heldCommentIds: [] });
    signInAs(null);
    expect(await ask(post.id)).toEqual({ viewer: null });
  });
});

describe("GET /api/viewer and likes", () => {
  it("tells a reader which comments of the post they like, and nobody else", async () => {
    const post = await createPost();
    const other = await createPost();
    const [liked, notLiked] = await createComments(post.id, [{}, {}]);
    const [elsewhere] = await createComments(other.id, [{}]);
    const reader = await createUser();
    await setCommentLike(reader.id, liked, true);
    await setCommentLike(reader.id, elsewhere, true);
    signInAs(reader.id);
    expect((await ask(post.id)).viewer?.likedCommentIds).toEqual([liked]);
    expect((await ask()).viewer?.likedCommentIds).toEqual([]);
    signInAs((await createUser()).id);
    expect((await ask(post.id)).viewer?.likedCommentIds).toEqual([]);
    expect(notLiked).toBeGreaterThan(liked);
  });
});

describe("GET /api/viewer and notifications", () => {
  it("tells a reader their 'Email me replies' default and whether they follow the post", async () => {
    const post = await createPost();
    const other = await createPost();
    const reader = await createUser({ notifyReplies: true });
    const { db } = await import("@/lib/db");
    await db.threadSubscription.create({ data: { userId: reader.id, postId: post.id, state: "follow" } });
    await db.threadSubscription.create({ data: { userId: reader.id, postId: other.id, state: "mute" } });
    signInAs(reader.id);
    expect((await ask(post.id)).viewer).toMatchObject({ notifyReplies: true, following: true });
    expect((await ask(other.id)).viewer).toMatchObject({ following: false });
    expect((await ask()).viewer).toMatchObject({ following: null });
    signInAs((await createUser()).id);
    expect((await ask(post.id)).viewer).toMatchObject({ notifyReplies: false, following: false });
  });
});
