import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runAction } from "@/tests/support/actions";
import { createPost, createUser } from "@/tests/support/factories";
import { createHeldComment } from "@/tests/support/held";
import { revalidated, signInAs } from "@/tests/support/session";
import { moderateHeldAction, saveBlockedWordsAction } from "./actions";

async function heldComments(count: number) {
  const author = await createUser();
  const post = await createPost();
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push(await createHeldComment(author, post.id));
  return { author, post, ids };
}

function heldForm(act: string, ids: number[] = []) {
  const data = new FormData();
  data.set("act", act);
  for (const id of ids) data.append("commentId", String(id));
  return data;
}

const statusOf = async (ids: number[]) =>
  (await db.comment.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } })).map((row) =>
    row.deletedAt ? "deleted" : row.status,
  );

describe("the Held queue's form", () => {
  it("approves the ticked comments and expires the post's pages", async () => {
    const { post, ids } = await heldComments(3);
    signInAs((await createUser({ role: "moderator" })).id);
    revalidated.length = 0;
    const result = await runAction(() => moderateHeldAction(heldForm("approve", ids.slice(0, 2))));
    expect(result).toMatchObject({ status: "redirect", redirectTo: "/moderation?notice=approved" });
    expect(await statusOf(ids)).toEqual(["published", "published", "held"]);
    // Expired outright ({ expire: 0 }): the next reader gets a fresh page.
    expect(revalidated).toContain(`tag:_N_T_/2024/06/${post.slug}`);
  });

  it("acts on the one comment of a row's button, ticked boxes aside", async () => {
    const { ids, author } = await heldComments(2);
    signInAs((await createUser({ role: "moderator" })).id);
    await runAction(() => moderateHeldAction(heldForm(`approve-trust:${ids[1]}`, [ids[0]])));
    expect(await statusOf(ids)).toEqual(["held", "published"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: author.id } })).trustedAt).not.toBeNull();
    await runAction(() => moderateHeldAction(heldForm(`spam:${ids[0]}`)));
    expect(await statusOf(ids)).toEqual(["deleted", "published"]);
  });

  it("refuses a commenter, and asks for a selection when none is ticked", async () => {
    const { ids } = await heldComments(1);
    signInAs((await createUser()).id);
    expect(await runAction(() => moderateHeldAction(heldForm("approve", ids)))).toMatchObject({
      redirectTo: "/moderation?notice=forbidden",
    });
    expect(await statusOf(ids)).toEqual(["held"]);
    signInAs((await createUser({ role: "moderator" })).id);
    expect(await runAction(() => moderateHeldAction(heldForm("approve")))).toMatchObject({
      redirectTo: "/moderation?notice=no-selection",
    });
    expect(await runAction(() => moderateHeldAction(heldForm("publish-all", ids)))).toMatchObject({
      redirectTo: "/moderation?notice=no-selection",
    });
  });

  it("lets moderators, not commenters, save the blocked words", async () => {
    const data = new FormData();
    data.set("blockedWords", "casino\nviagra");
    try {
      signInAs((await createUser()).id);
      expect(await runAction(() => saveBlockedWordsAction(data))).toMatchObject({
        redirectTo: "/moderation?notice=forbidden",
      });
      expect(await db.commentSettings.count()).toBe(0);
      signInAs((await createUser({ role: "moderator" })).id);
      expect(await runAction(() => saveBlockedWordsAction(data))).toMatchObject({
        redirectTo: "/moderation?notice=words-saved",
      });
      expect((await db.commentSettings.findUniqueOrThrow({ where: { id: 1 } })).blockedWords).toBe(
        "casino\nviagra",
      );
    } finally {
      await db.commentSettings.deleteMany();
    }
  });
});
