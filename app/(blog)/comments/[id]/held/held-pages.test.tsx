import { randomUUID } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createPost, createUser } from "@/tests/support/factories";
import { createHeldComment } from "@/tests/support/held";
import { signInAs } from "@/tests/support/session";
import ReplyPage from "../reply/page";
import HeldCommentPage from "./page";

const NOT_FOUND = { digest: expect.stringContaining("404") };
const redirectTo = (path: string) => ({ digest: expect.stringContaining(`;${path};`) });

async function heldComment() {
  const author = await createUser({ name: "Held Author" });
  const post = await createPost();
  const secret = `secret text ${randomUUID()}`;
  const id = await createHeldComment(author, post.id, secret);
  return { author, id: String(id), secret };
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("a held comment's pages", () => {
  it("shows it, marked, to its author and to moderators", async () => {
    const { author, id, secret } = await heldComment();
    signInAs(author.id);
    const html = renderToStaticMarkup(await HeldCommentPage(params(id)));
    expect(html).toContain("Your comment is awaiting moderation.");
    expect(html).toContain(secret);
    signInAs((await createUser({ role: "moderator" })).id);
    const forModerator = renderToStaticMarkup(await HeldCommentPage(params(id)));
    expect(forModerator).toContain("Held for review");
    expect(forModerator).toContain(secret);
  });

  it("shows nothing of it to anyone else, on its page or the reply page", async () => {
    const { author, id } = await heldComment();
    signInAs((await createUser()).id);
    await expect(HeldCommentPage(params(id))).rejects.toMatchObject(NOT_FOUND);
    await expect(ReplyPage(params(id))).rejects.toMatchObject(NOT_FOUND);
    // Its author asking to reply is sent to where it waits.
    signInAs(author.id);
    await expect(ReplyPage(params(id))).rejects.toMatchObject(redirectTo(`/comments/${id}/held`));
  });
});
