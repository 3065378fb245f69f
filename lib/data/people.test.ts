import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createHeldComment } from "@/tests/support/held";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { exportAccountData } from "./accounts";
import { getProfileComments, getPublicProfile } from "./people";

describe("public profiles", () => {
  it("show a person's name, join date and staff badge; nobody for unknown or banned accounts", async () => {
    const user = await createUser({ name: "Ada", role: "moderator" });
    expect(await getPublicProfile(user.id)).toMatchObject({ id: user.id, name: "Ada", role: "moderator" });
    expect((await getPublicProfile(user.id))?.joinedAt).toBeInstanceOf(Date);
    expect(await getPublicProfile("nosuchuserid0000000000")).toBeNull();
    const banned = await createUser({ bannedAt: new Date() });
    expect(await getPublicProfile(banned.id)).toBeNull();
  });

  it("list only published, live comments on readable posts, newest first, a page at a time", async () => {
    const user = await createUser();
    const post = await createPost({ title: "Readable" });
    const draft = await createPost({ status: "draft" });
    const future = await createPost({ publishedAt: new Date(Date.now() + 86_400_000) });
    const ids = await createComments(
      post.id,
      Array.from({ length: 5 }, (_, i) => ({ authorId: user.id, body: `Comment ${i}` })),
    );
    await db.comment.update({
      where: { id: ids[2] },
      data: { deletedAt: new Date(), deletedReason: "author" },
    });
    await createComments(draft.id, [{ authorId: user.id }]);
    await createComments(future.id, [{ authorId: user.id }]);
    await createHeldComment(user, post.id);
    await createComments(post.id, [{ authorId: (await createUser()).id }]);

    const first = await getProfileComments(user.id, null, 2);
    expect(first.comments.map((comment) => comment.id)).toEqual([ids[4], ids[3]]);
    expect(first.comments[0]).toMatchObject({ body: "Comment 4", post: { title: "Readable" } });
    expect(first.comments[0].post.path).toMatch(new RegExp(`/${post.slug}$`));
    expect(first.olderCursor).toBe(ids[3]);
    const second = await getProfileComments(user.id, first.olderCursor, 2);
    expect(second.comments.map((comment) => comment.id)).toEqual([ids[1], ids[0]]);
    expect(second.olderCursor).toBeNull();
    expect((await getProfileComments((await createUser()).id, null)).comments).toEqual([]);
  });
});

describe("exportAccountData", () => {
  it("gives the account and every comment of theirs, never the password hash", async () => {
    const user = await createUser({ passwordHash: "$argon2id$secret-hash", name: "Exporter" });
    const post = await createPost({ title: "Where I wrote" });
    const [comment] = await createComments(post.id, [{ authorId: user.id, body: "Mine" }]);
    const held = await createHeldComment(user, post.id, "held text");
    const data = await exportAccountData(user.id);
    expect(data?.account).toMatchObject({
      id: user.id,
      name: "Exporter",
      email: user.email,
      signInProviders: [],
    });
    expect(data?.comments.map((row) => row.id)).toEqual([comment, held]);
    expect(data?.comments[0]).toMatchObject({
      body: "Mine",
      postTitle: "Where I wrote",
      status: "published",
    });
    expect(JSON.stringify(data)).not.toContain("argon2");
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|sessionVersion/);
    expect(await exportAccountData("nosuchuserid0000000000")).toBeNull();
  });
});
