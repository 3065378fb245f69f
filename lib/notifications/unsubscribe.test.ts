import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeUnsubscribe, unsubscribe } from "@/lib/data/notification-settings";
import {
  readUnsubscribeToken,
  UNSUBSCRIBE_LINK_DAYS,
  unsubscribeToken,
} from "@/lib/notifications/unsubscribe-token";
import { createPost, createUser } from "@/tests/support/factories";

const NOW = new Date("2026-12-07T12:00:00Z");

describe("signed unsubscribe links", () => {
  const request = { userId: "cmuser123", scope: { kind: "post", postId: 42 } } as const;

  it("reads back what it was made for", () => {
    expect(readUnsubscribeToken(unsubscribeToken(request, NOW), NOW)).toEqual({ ok: true, request });
    const all = { userId: "cmuser123", scope: { kind: "all" } } as const;
    expect(readUnsubscribeToken(unsubscribeToken(all, NOW), NOW)).toEqual({ ok: true, request: all });
  });

  it("refuses a tampered link: another user, another scope, another expiry, another signature", () => {
    const token = unsubscribeToken(request, NOW);
    const [user, scope, expires, signature] = token.split(".");
    const forged = [
      [`cmother456`, scope, expires, signature],
      [user, "all", expires, signature],
      [user, "p43", expires, signature],
      [user, scope, (parseInt(expires, 36) + 86_400).toString(36), signature],
      [user, scope, expires, `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`],
      [user, scope, expires, ""],
    ].map((parts) => parts.join("."));
    for (const value of [...forged, "", "garbage", `${token}.extra`])
      expect(readUnsubscribeToken(value, NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses an expired link", () => {
    const token = unsubscribeToken(request, NOW);
    const later = new Date(NOW.getTime() + (UNSUBSCRIBE_LINK_DAYS * 86_400 + 1) * 1000);
    expect(readUnsubscribeToken(token, later)).toEqual({ ok: false, reason: "expired" });
    const justBefore = new Date(NOW.getTime() + (UNSUBSCRIBE_LINK_DAYS * 86_400 - 60) * 1000);
    expect(readUnsubscribeToken(token, justBefore).ok).toBe(true);
  });
});

describe("unsubscribing", () => {
  it("mutes one discussion, stops moderation mails, or stops everything; repeating changes nothing", async () => {
    const user = await createUser({ emailVerifiedAt: NOW, role: "moderator", notifyModeration: true });
    const post = await createPost();
    await db.threadSubscription.create({ data: { userId: user.id, postId: post.id, state: "follow" } });
    const thread = { userId: user.id, scope: { kind: "post", postId: post.id } } as const;
    expect(await describeUnsubscribe(thread)).toMatchObject({ done: false, postTitle: "A test post" });
    expect(await unsubscribe(thread)).toBe(true);
    expect(await unsubscribe(thread)).toBe(true);
    expect(await db.threadSubscription.findMany({ where: { userId: user.id } })).toMatchObject([
      { state: "mute" },
    ]);
    expect(await describeUnsubscribe(thread)).toMatchObject({ done: true });

    await unsubscribe({ userId: user.id, scope: { kind: "moderation" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).notifyModeration).toBe(false);

    await unsubscribe({ userId: user.id, scope: { kind: "all" } }, NOW);
    await unsubscribe({ userId: user.id, scope: { kind: "all" } }, new Date(NOW.getTime() + 60_000));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).notificationsOffAt).toEqual(NOW);
  });

  it("says so for an account that no longer exists", async () => {
    const gone = { userId: "cmgone000", scope: { kind: "all" } } as const;
    expect(await unsubscribe(gone)).toBe(false);
    expect(await describeUnsubscribe(gone)).toBeNull();
  });
});
