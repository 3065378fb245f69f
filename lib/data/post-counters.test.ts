import { describe, expect, it } from "vitest";
import { POST as postShare } from "@/app/api/posts/[id]/shares/route";
import { POST as postView } from "@/app/api/posts/[id]/views/route";
import { flushPostCounters } from "@/lib/data/post-counters";
import { db } from "@/lib/db";
import { CLIENT_IP_HEADER, declareClientAddressStamping } from "@/lib/net/client-address.mjs";
import { isBotUserAgent, visitorFromRequest } from "@/lib/visitors/visitor";
import { createPost } from "@/tests/support/factories";

// As in production: server.mjs stamps the client's address on every request.
declareClientAddressStamping();

const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

function call(
  handler: Handler,
  postId: number | string,
  { ip = "203.0.113.7", ua = BROWSER, site = "same-origin" } = {},
) {
  const request = new Request(`http://localhost/api/posts/${postId}/x`, {
    method: "POST",
    // As server.mjs stamps it (lib/net/client-address.mjs); a client's own X-Forwarded-For is ignored.
    headers: {
      [CLIENT_IP_HEADER]: ip,
      "x-forwarded-for": "198.51.100.99",
      "user-agent": ua,
      "sec-fetch-site": site,
    },
  });
  return handler(request, { params: Promise.resolve({ id: String(postId) }) });
}

// Views are written in batches: flush, then read what is stored.
const counts = async (id: number) => {
  await flushPostCounters();
  return db.post.findUniqueOrThrow({
    where: { id },
    select: { viewCount: true, shareCount: true, updatedAt: true },
  });
};

describe("view counting", () => {
  it("counts a visitor once per day, however often they reload", async () => {
    const post = await createPost();
    const first = await (await call(postView, post.id)).json();
    const second = await (await call(postView, post.id)).json();
    expect(first).toEqual({ viewCount: 1, shareCount: 0, counted: true });
    expect(second).toEqual({ viewCount: 1, shareCount: 0, counted: false });
  });

  it("answers a view with the current share count, written or not, for the cached page to show", async () => {
    const post = await createPost();
    await call(postShare, post.id, { ip: "198.51.100.31" });
    expect(await (await call(postView, post.id)).json()).toEqual({
      viewCount: 1,
      shareCount: 1,
      counted: true,
    });
  });

  it("leaves updatedAt alone: a view is not an edit", async () => {
    const post = await createPost();
    const before = (await counts(post.id)).updatedAt;
    await call(postView, post.id);
    await call(postShare, post.id);
    expect(await counts(post.id)).toEqual({ viewCount: 1, shareCount: 1, updatedAt: before });
  });

  it("counts different visitors (another IP or another browser) separately", async () => {
    const post = await createPost();
    await call(postView, post.id);
    await call(postView, post.id, { ip: "198.51.100.9" });
    await call(postView, post.id, { ua: `${BROWSER} Edg/156.0` });
    expect((await counts(post.id)).viewCount).toBe(3);
  });

  it("does not count crawlers or requests without a user agent", async () => {
    const post = await createPost();
    for (const ua of [
      "Googlebot/2.1 (+http://www.google.com/bot.html)",
      "facebookexternalhit/1.1",
      "curl/8.5.0",
      "",
    ]) {
      const body = await (await call(postView, post.id, { ua })).json();
      expect(body, ua).toEqual({ viewCount: 0, shareCount: 0, counted: false });
    }
    await flushPostCounters();
    expect(await db.postVisit.count({ where: { postId: post.id } })).toBe(0);
  });

  it("does not count requests sent from other sites' pages", async () => {
    const post = await createPost();
    expect(await (await call(postView, post.id, { site: "cross-site" })).json()).toEqual({
      viewCount: 0,
      shareCount: 0,
      counted: false,
    });
    expect(await (await call(postShare, post.id, { site: "cross-site" })).json()).toEqual({
      shareCount: 0,
      counted: false,
    });
  });

  it("counts headless Chromium, which is a real browser", () => {
    expect(
      isBotUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/156.0 Safari/537.36"),
    ).toBe(false);
  });

  it("counts 20 simultaneous requests from one visitor once", async () => {
    const post = await createPost();
    const responses = await Promise.all(Array.from({ length: 20 }, () => call(postView, post.id)));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies.filter((b) => b.counted)).toHaveLength(1);
    expect((await counts(post.id)).viewCount).toBe(1);
  });

  it("stores a keyed hash, never the address", async () => {
    const post = await createPost();
    await call(postView, post.id, { ip: "192.0.2.55" });
    await flushPostCounters();
    const rows = await db.postVisit.findMany({
      where: { postId: post.id, kind: "view" },
      select: { visitorHash: true, day: true },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].visitorHash).not.toContain("192.0.2.55");
    expect(rows[0].day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("refuses drafts, unknown posts and malformed ids with 404", async () => {
    const draft = await createPost({ status: "draft" });
    for (const id of [draft.id, 999_999_999, "abc", "1;DROP"])
      expect((await call(postView, id as number)).status, String(id)).toBe(404);
    expect((await counts(draft.id)).viewCount).toBe(0);
  });

  it("puts visitors into the blog's calendar day", () => {
    const request = new Request("http://localhost/", { headers: { "user-agent": BROWSER } });
    // 17:30 UTC on June 30 is already July 1 in Kuala Lumpur.
    expect(visitorFromRequest(request, new Date("2024-06-30T17:30:00Z"))?.day).toBe("2024-07-01");
  });
});

describe("share counting", () => {
  it("counts one share per visitor per post per day, atomically", async () => {
    const post = await createPost({ shareCount: 2 });
    const bodies = await Promise.all(
      Array.from({ length: 10 }, () => call(postShare, post.id).then((r) => r.json())),
    );
    expect(bodies.filter((b) => b.counted)).toEqual([{ shareCount: 3, counted: true }]);
    const other = await (await call(postShare, post.id, { ip: "198.51.100.20" })).json();
    expect(other).toEqual({ shareCount: 4, counted: true });
    const bot = await (await call(postShare, post.id, { ua: "Twitterbot/1.0" })).json();
    expect(bot).toEqual({ shareCount: 4, counted: false });
  });

  it("refuses posts that are not readable", async () => {
    const future = await createPost({ publishedAt: new Date(Date.now() + 60_000) });
    expect((await call(postShare, future.id)).status).toBe(404);
  });
});
