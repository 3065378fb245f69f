import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { unsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { createPost, createUser } from "@/tests/support/factories";
import { GET, POST } from "./route";

const call = (method: "GET" | "POST", token: string, body?: BodyInit) => {
  const request = new NextRequest(`http://localhost/api/unsubscribe/${token}`, {
    method,
    body,
    headers: body ? { "Content-Type": "application/x-www-form-urlencoded" } : undefined,
  });
  return (method === "GET" ? GET : POST)(request, { params: Promise.resolve({ token }) });
};

describe("/api/unsubscribe/<token> (RFC 8058 one-click)", () => {
  it("mutes the discussion on a one-click POST, without a session; a GET changes nothing", async () => {
    const user = await createUser({ emailVerifiedAt: new Date() });
    const post = await createPost();
    const token = unsubscribeToken({ userId: user.id, scope: { kind: "post", postId: post.id } });
    const state = () =>
      db.threadSubscription.findMany({ where: { userId: user.id }, select: { state: true } });

    const get = await call("GET", token);
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toMatch(
      new RegExp(`/account/unsubscribe/${token.replace(/\./g, "\\.")}$`),
    );
    expect(await state()).toEqual([]);

    const post1 = await call("POST", token, "List-Unsubscribe=One-Click");
    expect(post1.status).toBe(200);
    expect(await state()).toEqual([{ state: "mute" }]);

    const fromPage = await call("POST", token, "from=page");
    expect(fromPage.status).toBe(303);
    expect(await state()).toEqual([{ state: "mute" }]);
  });

  it("refuses a tampered or expired link and changes nothing", async () => {
    const user = await createUser();
    const token = unsubscribeToken({ userId: user.id, scope: { kind: "all" } });
    const other = await createUser();
    const forged = token.replace(user.id, other.id);
    expect((await call("POST", forged, "List-Unsubscribe=One-Click")).status).toBe(400);
    const old = unsubscribeToken(
      { userId: user.id, scope: { kind: "all" } },
      new Date("2020-01-01T00:00:00Z"),
    );
    expect((await call("POST", old, "List-Unsubscribe=One-Click")).status).toBe(410);
    const rows = await db.user.findMany({
      where: { id: { in: [user.id, other.id] } },
      select: { notificationsOffAt: true },
    });
    expect(rows).toEqual([{ notificationsOffAt: null }, { notificationsOffAt: null }]);
  });
});
