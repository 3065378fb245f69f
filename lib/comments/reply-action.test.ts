import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { request, revalidated, signInAs } from "@/tests/support/session";
import { runAction } from "@/tests/support/actions";
import { db } from "@/lib/db";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { createReplyAction } from "./actions";

function form(fields: Record<string, string | number | null | undefined>) {
  const data = new FormData();
  for (const [name, value] of Object.entries({ idempotencyKey: randomUUID(), ...fields }))
    data.set(name, String(value ?? ""));
  return data;
}

/** Comments a reply could have stored: each test's replies carry a body of their own. */
const commentsWithBody = (body: string) => db.comment.count({ where: { body } });

async function scene() {
  const post = await createPost();
  const other = await createPost();
  const [live, deleted] = await createComments(post.id, [{}, {}]);
  const [foreign] = await createComments(other.id, [{}]);
  await db.comment.update({
    where: { id: deleted },
    data: { deletedAt: new Date(), deletedReason: "author" },
  });
  return { post, live, deleted, foreign };
}

const actors = {
  "signed out": async () => null,
  commenter: async () => (await createUser()).id,
  banned: async () => (await createUser({ bannedAt: new Date() })).id,
  moderator: async () => (await createUser({ role: "moderator" })).id,
};

type Target = "post" | "comment" | "deleted comment" | "comment on another post";
const allowed = (actor: keyof typeof actors, target: Target) =>
  (actor === "commenter" || actor === "moderator") && (target === "post" || target === "comment");

describe("createReplyAction authorization matrix", () => {
  for (const actor of Object.keys(actors) as (keyof typeof actors)[]) {
    for (const target of ["post", "comment", "deleted comment", "comment on another post"] as Target[]) {
      it(`${actor} replying to a ${target}: ${allowed(actor, target) ? "stored" : "refused"}`, async () => {
        const { post, live, deleted, foreign } = await scene();
        signInAs(await actors[actor]());
        const parentId = {
          post: null,
          comment: live,
          "deleted comment": deleted,
          "comment on another post": foreign,
        }[target];
        const body = `matrix ${actor} ${target} ${randomUUID()}`;
        const state = await createReplyAction({ status: "idle" }, form({ postId: post.id, parentId, body }));
        if (allowed(actor, target)) {
          expect(state.status).toBe("success");
          expect(await commentsWithBody(body)).toBe(1);
        } else {
          expect(state.status).toBe("error");
          expect(state.formError).toBeTruthy();
          expect(state.values?.body).toBe(body);
          expect(await commentsWithBody(body)).toBe(0);
        }
      });
    }
  }
});

describe("createReplyAction input handling", () => {
  it("explains an empty or overlong body and keeps the text", async () => {
    const { post } = await scene();
    signInAs((await createUser()).id);
    const empty = await createReplyAction(
      { status: "idle" },
      form({ postId: post.id, parentId: null, body: "  \n " }),
    );
    expect(empty.fieldErrors?.body).toBe("Write something before publishing.");
    const long = "字".repeat(4097);
    const tooLong = await createReplyAction(
      { status: "idle" },
      form({ postId: post.id, parentId: null, body: long }),
    );
    expect(tooLong.fieldErrors?.body).toBe("Comments can be at most 4,096 characters; yours has 4,097.");
    expect(tooLong.values?.body).toBe(long);
    const exact = await createReplyAction(
      { status: "idle" },
      form({ postId: post.id, parentId: null, body: "字".repeat(4096) }),
    );
    expect(exact.status).toBe("success");
  });

  it("strips bidi overrides and control characters before storing", async () => {
    const { post } = await scene();
    signInAs((await createUser()).id);
    const state = await createReplyAction(
      { status: "idle" },
      form({ postId: post.id, parentId: null, body: "abc\u202Eevil\u0007 text\u2066\r\nnext line" }),
    );
    const row = await db.comment.findUniqueOrThrow({ where: { id: state.commentId! } });
    expect(row.body).toBe("abcevil text\nnext line");
  });

  it("refuses malformed ids and form keys without touching the database", async () => {
    const { post } = await scene();
    signInAs((await createUser()).id);
    const body = `malformed ${randomUUID()}`;
    for (const fields of [
      { postId: "1 OR 1=1", parentId: null, body },
      { postId: post.id, parentId: "-3", body },
      { postId: post.id, parentId: null, body, idempotencyKey: "short" },
    ]) {
      const state = await createReplyAction({ status: "idle" }, form(fields));
      expect(state.status).toBe("error");
    }
    expect(await commentsWithBody(body)).toBe(0);
  });

  it("expires the post's cached pages, the listings and the comment feeds, leaving its own answer alone", async () => {
    const { post } = await scene();
    signInAs((await createUser()).id);
    revalidated.length = 0;
    await createReplyAction({ status: "idle" }, form({ postId: post.id, parentId: null, body: "fresh" }));
    // A stale window of a millisecond: Next does not re-render the thread into the answer.
    const soon = " (expire 0.001 s)";
    expect(revalidated).toEqual(
      expect.arrayContaining([
        `tag:_N_T_/2024/06/${post.slug}${soon}`,
        `tag:_N_T_/[year]/[month]/[slug]/comments/[after]/page${soon}`,
        `tag:_N_T_/page/[page]/page${soon}`,
        `tag:_N_T_/feeds/comments/default${soon}`,
        `tag:_N_T_/feeds/${post.id}/comments/default${soon}`,
      ]),
    );
    expect(revalidated.every((entry) => entry.endsWith(soon))).toBe(true);
  });
});

describe("createReplyAction without JavaScript", () => {
  afterEach(() => {
    request.withScript = true;
  });

  it("redirects to the stored comment, and keeps the draft on a refusal", async () => {
    const { post } = await scene();
    signInAs((await createUser()).id);
    request.withScript = false;
    const stored = await runAction(() =>
      createReplyAction({ status: "idle" }, form({ postId: post.id, parentId: null, body: "plain form" })),
    );
    expect(stored).toMatchObject({ status: "redirect", redirectTo: expect.stringMatching(/#c\d+$/) });
    const refused = await createReplyAction(
      { status: "idle" },
      form({ postId: post.id, parentId: null, body: "plain form" }),
    );
    expect(refused).toMatchObject({ status: "error", values: { body: "plain form" } });
  });
});
