import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createReplyAction } from "@/lib/comments/actions";
import { db } from "@/lib/db";
import { followDiscussionAction, saveNotificationSettingsAction } from "@/lib/notifications/actions";
import { formData, runAction } from "@/tests/support/actions";
import { createPost, createUser } from "@/tests/support/factories";
import { signInAs } from "@/tests/support/session";

const reply = (postId: number, fields: Record<string, string> = {}) =>
  runAction(() =>
    createReplyAction(
      { status: "idle" },
      formData({
        postId: String(postId),
        parentId: "",
        body: `Hello ${randomUUID()}`,
        idempotencyKey: randomUUID(),
        ...fields,
      }),
    ),
  );

describe("notification choices through their forms", () => {
  it("stores 'Email me replies' on the comment and remembers it as the author's default", async () => {
    const post = await createPost();
    const author = await createUser();
    signInAs(author.id);
    expect(await reply(post.id, { notifyReplies: "on" })).toMatchObject({ status: "success" });
    const user = () =>
      db.user.findUniqueOrThrow({ where: { id: author.id }, select: { notifyReplies: true } });
    expect(await user()).toEqual({ notifyReplies: true });
    await db.user.update({ where: { id: author.id }, data: { lastCommentAt: null } });
    expect(await reply(post.id)).toMatchObject({ status: "success" });
    expect(await user()).toEqual({ notifyReplies: false });
    const comments = await db.comment.findMany({
      where: { authorId: author.id },
      orderBy: { id: "asc" },
      select: { notifyReplies: true },
    });
    expect(comments).toEqual([{ notifyReplies: true }, { notifyReplies: false }]);
  });

  it("follows and unfollows a readable post's discussion, and refuses a draft", async () => {
    const post = await createPost();
    const draft = await createPost({ status: "draft", publishedAt: null });
    const reader = await createUser();
    signInAs(reader.id);
    const follow = (postId: number, value: string) =>
      runAction(() =>
        followDiscussionAction(
          { status: "idle" },
          formData({ postId: String(postId), follow: value, returnTo: "/x" }),
        ),
      );
    const state = () =>
      db.threadSubscription.findMany({ where: { userId: reader.id }, select: { state: true } });
    expect(await follow(post.id, "1")).toMatchObject({ status: "success", following: true });
    expect(await state()).toEqual([{ state: "follow" }]);
    expect(await follow(post.id, "0")).toMatchObject({ status: "success", following: false });
    expect(await state()).toEqual([]);
    expect(await follow(draft.id, "1")).toMatchObject({ status: "error" });
    expect(await state()).toEqual([]);
  });

  it("saves the settings page; moderation mails only for moderators; stop all and back", async () => {
    const reader = await createUser();
    const moderator = await createUser({ role: "moderator" });
    const save = (fields: Record<string, string>) =>
      runAction(() =>
        saveNotificationSettingsAction({ status: "idle" }, formData({ intent: "save", ...fields })),
      );
    const settings = (id: string) =>
      db.user.findUniqueOrThrow({
        where: { id },
        select: { notifyReplies: true, notifyModeration: true, notificationsOffAt: true },
      });
    signInAs(reader.id);
    await save({ notifyReplies: "on", notifyModeration: "on", stopped: "on" });
    expect(await settings(reader.id)).toMatchObject({ notifyReplies: true, notifyModeration: false });
    expect((await settings(reader.id)).notificationsOffAt).not.toBeNull();
    await save({ notifyReplies: "on" });
    expect((await settings(reader.id)).notificationsOffAt).toBeNull();
    signInAs(moderator.id);
    await save({ notifyModeration: "on" });
    expect(await settings(moderator.id)).toMatchObject({ notifyReplies: false, notifyModeration: true });
  });
});
