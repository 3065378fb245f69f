import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { forgetCommentSettings } from "@/lib/data/comment-settings";
import { db } from "@/lib/db";
import { runAction } from "@/tests/support/actions";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { request, revalidated, signInAs } from "@/tests/support/session";
import { createReplyAction } from "./actions";
import { loadHeldCommentsAction } from "./held-action";

function form(fields: Record<string, string | number | null>) {
  const data = new FormData();
  for (const [name, value] of Object.entries({ idempotencyKey: randomUUID(), parentId: "", ...fields }))
    data.set(name, String(value ?? ""));
  return data;
}

const spam = () => `${randomUUID()} https://a.example https://b.example https://c.example`;

afterEach(() => {
  request.withScript = true;
});

describe("a held reply", () => {
  it("answers with the comment marked as awaiting moderation, and expires no cached page", async () => {
    const post = await createPost();
    signInAs((await createUser()).id);
    revalidated.length = 0;
    const state = await createReplyAction({ status: "idle" }, form({ postId: post.id, body: spam() }));
    expect(state).toMatchObject({ status: "success", held: true });
    expect(revalidated).toEqual([]);
    const row = await db.comment.findUniqueOrThrow({ where: { id: state.commentId! } });
    expect(row.status).toBe("held");
  });

  it("without JavaScript lands on its own page, which its author may see", async () => {
    const post = await createPost();
    signInAs((await createUser()).id);
    request.withScript = false;
    const result = await runAction(() =>
      createReplyAction({ status: "idle" }, form({ postId: post.id, body: spam() })),
    );
    expect(result).toMatchObject({
      status: "redirect",
      redirectTo: expect.stringMatching(/^\/comments\/\d+\/held$/),
    });
  });

  it("is held silently, not refused, when the honeypot is filled in", async () => {
    const post = await createPost();
    signInAs((await createUser()).id);
    const state = await createReplyAction(
      { status: "idle" },
      form({
        postId: post.id,
        body: `hello ${randomUUID()}`,
        website: "http://bot.example",
        startedAt: Date.now() - 60_000,
      }),
    );
    expect(state).toMatchObject({ status: "success", held: true });
    const row = await db.comment.findUniqueOrThrow({ where: { id: state.commentId! } });
    expect(row.heldReasons).toBe(JSON.stringify(["honeypot"]));
  });

  it("publishes a plain comment as before", async () => {
    const post = await createPost();
    signInAs((await createUser()).id);
    const state = await createReplyAction(
      { status: "idle" },
      form({ postId: post.id, body: `hello ${randomUUID()}`, website: "", startedAt: Date.now() - 60_000 }),
    );
    expect(state).toMatchObject({ status: "success", held: false });
  });

  it("is loaded, rendered, for its author and moderators, and for nobody else", async () => {
    const post = await createPost();
    const author = await createUser();
    signInAs(author.id);
    const state = await createReplyAction({ status: "idle" }, form({ postId: post.id, body: spam() }));
    const mine = await loadHeldCommentsAction(String(post.id));
    expect(mine.map((entry) => entry.id)).toEqual([state.commentId]);
    signInAs((await createUser()).id);
    expect(await loadHeldCommentsAction(String(post.id))).toEqual([]);
    signInAs(null);
    expect(await loadHeldCommentsAction(String(post.id))).toEqual([]);
    signInAs((await createUser({ role: "moderator" })).id);
    expect((await loadHeldCommentsAction(String(post.id))).map((entry) => entry.id)).toEqual([
      state.commentId,
    ]);
    expect(await loadHeldCommentsAction("not-an-id")).toEqual([]);
  });

  it("refuses a reply past the depth limit with a message that says what to do", async () => {
    const post = await createPost();
    signInAs((await createUser({ role: "admin" })).id);
    await db.commentSettings.create({
      data: {
        holdAboveLinks: 2,
        holdNewAccountHours: 0,
        holdUntilApproved: 0,
        holdAll: false,
        honeypot: true,
        minSubmitSeconds: 0,
        maxReplyDepth: 1,
        duplicateWindowMinutes: 10,
      },
    });
    forgetCommentSettings();
    try {
      const [, reply] = await createComments(post.id, [{}, { parent: 0 }]);
      const deeper = await createReplyAction(
        { status: "idle" },
        form({ postId: post.id, parentId: reply, body: "deeper" }),
      );
      expect(deeper).toMatchObject({ status: "error", values: { body: "deeper" } });
      expect(deeper.formError).toMatch(/as deep as it can go/);
    } finally {
      await db.commentSettings.deleteMany();
    }
  });
});
