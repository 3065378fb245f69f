import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { saveCommentSettingsAction } from "@/app/(admin)/admin/settings/actions";
import { config } from "@/lib/config";
import { forgetCommentSettings, getCommentSettings } from "@/lib/data/comment-settings";
import { db } from "@/lib/db";
import { formData, runAction } from "@/tests/support/actions";
import { createPost, createUser } from "@/tests/support/factories";
import { request, revalidated, signInAs } from "@/tests/support/session";
import { createReplyAction, createReplyFromPageAction } from "./actions";
import { COMMENT_MESSAGES } from "./messages";

/**
 * "Unverified accounts can comment" (docs/decisions/034), through the admin's settings
 * action and the comment actions, as a request would go.
 */
const rules = config.commentRules;
async function saveSetting(unverifiedCanComment: boolean) {
  signInAs((await createUser({ role: "admin" })).id);
  const fields: Record<string, string> = {
    holdAboveLinks: String(rules.holdAboveLinks),
    holdNewAccountHours: "0",
    holdUntilApproved: "0",
    minSubmitSeconds: "0",
    maxReplyDepth: String(rules.maxReplyDepth),
    duplicateWindowMinutes: String(rules.duplicateWindowMinutes),
    editWindowMinutes: "15",
    reportsToHide: "3",
    ...(unverifiedCanComment ? { unverifiedCanComment: "on" } : {}),
  };
  const saved = await runAction(() => saveCommentSettingsAction({ status: "idle" }, formData(fields)));
  expect(saved).toMatchObject({ status: "redirect", redirectTo: "/admin/settings?notice=saved" });
  expect((await getCommentSettings()).unverifiedCanComment).toBe(unverifiedCanComment);
}

const reply = (postId: number, body: string) =>
  runAction(() =>
    createReplyAction(
      { status: "idle" },
      formData({ postId: String(postId), parentId: "", body, idempotencyKey: randomUUID() }),
    ),
  );

afterEach(async () => {
  await db.commentSettings.deleteMany();
  forgetCommentSettings();
});

describe("unverified accounts and comments", () => {
  it("by default an unverified account comments", async () => {
    expect((await getCommentSettings()).unverifiedCanComment).toBe(true);
    const post = await createPost();
    signInAs((await createUser()).id);
    expect(await reply(post.id, `unverified welcome ${randomUUID()}`)).toMatchObject({ status: "success" });
  });

  it("with the setting off, refuses an unverified commenter, keeping the text and saying how to verify", async () => {
    await saveSetting(false);
    const post = await createPost();
    const unverified = await createUser();
    signInAs(unverified.id);
    const body = `waiting for my link ${randomUUID()}`;
    const refusal = await reply(post.id, body);
    expect(refusal).toEqual({ status: "error", formError: COMMENT_MESSAGES.unverified, values: { body } });
    expect(COMMENT_MESSAGES.unverified).toMatch(/\/account/);
    expect(await db.comment.count({ where: { body } })).toBe(0);
    expect(revalidated.filter((tag) => tag.includes(String(post.id)))).toEqual([]);
    // Without JavaScript, the page of its own answers the same, not a redirect.
    request.withScript = false;
    const fromPage = await runAction(() =>
      createReplyFromPageAction(
        { status: "idle" },
        formData({ postId: String(post.id), parentId: "", body, idempotencyKey: randomUUID() }),
      ),
    );
    expect(fromPage).toMatchObject({ status: "error", formError: COMMENT_MESSAGES.unverified });

    // Once the address is proven, the next request comments.
    request.withScript = true;
    await db.user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: new Date() } });
    expect(await reply(post.id, body)).toMatchObject({ status: "success" });
    expect(await db.comment.count({ where: { body } })).toBe(1);
  });

  it("with the setting off, staff comment unverified; turned on again, everyone does", async () => {
    await saveSetting(false);
    const post = await createPost();
    signInAs((await createUser({ role: "moderator" })).id);
    expect(await reply(post.id, `staff ${randomUUID()}`)).toMatchObject({ status: "success" });
    await saveSetting(true);
    signInAs((await createUser()).id);
    expect(await reply(post.id, `open again ${randomUUID()}`)).toMatchObject({ status: "success" });
  });
});
