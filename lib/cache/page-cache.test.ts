import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCache, purgePageCache, type PageCache } from "./page-cache.mjs";

// A stand-in for Next's handler: answers from `reply`, counting how often it is asked.
type Reply = { status?: number; headers?: Record<string, string | string[]>; body?: string };
const SHARED = { "cache-control": "s-maxage=60, stale-while-revalidate=31535940", "x-nextjs-cache": "HIT" };

let server: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

async function serveThrough(cache: PageCache, reply: (req: IncomingMessage) => Reply) {
  const seen = { calls: 0 };
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (cache.serve(req, res)) return;
    cache.record(req, res);
    seen.calls += 1;
    const { status = 200, headers = SHARED, body = `page ${seen.calls}` } = reply(req);
    res.statusCode = status;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // Written in two pieces, as a streamed page is.
    res.write(body.slice(0, 3));
    res.end(body.slice(3));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server!.address() as AddressInfo;
  const get = async (path = "/post", headers: Record<string, string> = {}, method = "GET") => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers, method });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  return { seen, get };
}

describe("the page cache in front of Next", () => {
  it("answers a repeated request for a shared page without asking Next again", async () => {
    const { seen, get } = await serveThrough(createPageCache(), () => ({}));
    const first = await get();
    const second = await get();
    expect(second.body).toBe(first.body);
    expect(seen.calls).toBe(1);
    expect(second.headers.get("x-page-cache")).toBe("HIT");
    expect(second.headers.get("cache-control")).toBe(SHARED["cache-control"]);
    // Next's own verdict is not replayed as if Next had been asked.
    expect(second.headers.get("x-nextjs-cache")).toBeNull();
  });

  it("lets Next answer when the signed-in hint disagrees with the session cookie", async () => {
    const { seen, get } = await serveThrough(createPageCache(), () => ({}));
    await get(); // stored
    // A session without the hint (signed in by a route that did not set it) and a hint
    // without a session (signed out elsewhere): Next's proxy must set or drop the hint.
    await get("/post", { cookie: "authjs.session-token=abc" });
    await get("/post", { cookie: "theme=dark; cp_signed_in=1" });
    expect(seen.calls).toBe(3);
    // Agreeing cookies, either way, are served the shared page.
    const agreeing = await get("/post", { cookie: "authjs.session-token=abc; cp_signed_in=1" });
    const anonymous = await get("/post", { cookie: "theme=dark" });
    expect([agreeing, anonymous].map((r) => r.headers.get("x-page-cache"))).toEqual(["HIT", "HIT"]);
    expect(seen.calls).toBe(3);
  });

  it("keeps one answer per URL and per encoding", async () => {
    const { seen, get } = await serveThrough(createPageCache(), (req) =>
      /gzip/.test(String(req.headers["accept-encoding"]))
        ? { body: "the gzip answer" }
        : { body: "the plain answer" },
    );
    await get("/a", { "accept-encoding": "identity" });
    await get("/a?page=2", { "accept-encoding": "identity" });
    await get("/a", { "accept-encoding": "identity" });
    expect(seen.calls).toBe(2);
    await get("/a", { "accept-encoding": "gzip, br" });
    expect(seen.calls).toBe(3);
    const zipped = await get("/a", { "accept-encoding": "gzip" });
    expect(zipped.headers.get("x-page-cache")).toBe("HIT");
    expect(zipped.body).toBe("the gzip answer");
    expect((await get("/a", { "accept-encoding": "identity" })).body).toBe("the plain answer");
  });

  it.each([
    ["private pages", { headers: { "cache-control": "private, no-store" } }],
    ["pages without s-maxage", { headers: { "cache-control": "public, max-age=60" } }],
    ["answers that set a cookie", { headers: { ...SHARED, "set-cookie": "a=b" } }],
    ["stale pages Next is re-rendering", { headers: { ...SHARED, "x-nextjs-cache": "STALE" } }],
    ["pages that vary on cookies", { headers: { ...SHARED, vary: "rsc, Cookie" } }],
    ["errors", { status: 404 }],
  ])("never keeps %s", async (_name, reply: Reply) => {
    const { seen, get } = await serveThrough(createPageCache(), () => reply);
    await get();
    await get();
    expect(seen.calls).toBe(2);
  });

  it.each([
    ["router (RSC) requests", { rsc: "1" }],
    ["conditional requests", { "if-none-match": '"abc"' }],
  ])("leaves %s to Next", async (_name, headers: Record<string, string>) => {
    const { seen, get } = await serveThrough(createPageCache(), () => ({}));
    await get();
    await get("/post", headers);
    expect(seen.calls).toBe(2);
  });

  it("answers HEAD from a stored GET, without a body", async () => {
    const { seen, get } = await serveThrough(createPageCache(), () => ({}));
    await get();
    const head = await get("/post", {}, "HEAD");
    expect(seen.calls).toBe(1);
    expect(head.body).toBe("");
    expect(head.headers.get("content-length")).toBe(String("page 1".length));
  });

  it("asks Next again once an answer is older than the time limit", async () => {
    let clock = 0;
    const { seen, get } = await serveThrough(createPageCache({ ttlMs: 1000, now: () => clock }), () => ({}));
    await get();
    clock = 1000;
    await get();
    expect(seen.calls).toBe(1);
    clock = 1001;
    expect((await get()).body).toBe("page 2");
  });

  it("drops everything when the app purges, and keeps nothing that was in flight during it", async () => {
    const cache = createPageCache();
    cache.install();
    let release: () => void = () => {};
    const { seen, get } = await serveThrough(cache, () => ({}));
    await get();
    purgePageCache();
    expect(cache.size).toBe(0);

    // A response Next started before a change finishes after it: not kept.
    const held = new Promise<void>((resolve) => (release = resolve));
    server!.removeAllListeners("request");
    server!.on("request", async (req: IncomingMessage, res: ServerResponse) => {
      if (cache.serve(req, res)) return;
      cache.record(req, res);
      seen.calls += 1;
      await held;
      for (const [name, value] of Object.entries(SHARED)) res.setHeader(name, value);
      res.end("before the change");
    });
    const inFlight = get();
    await new Promise((resolve) => setTimeout(resolve, 50));
    purgePageCache();
    release();
    expect((await inFlight).body).toBe("before the change");
    expect(cache.size).toBe(0);
  });

  it("stays within its entry and byte limits, oldest out first", async () => {
    const cache = createPageCache({ maxEntries: 2, maxEntryBytes: 10 });
    const { seen, get } = await serveThrough(cache, (req) => ({
      body: req.url === "/big" ? "x".repeat(11) : "small",
    }));
    await get("/big");
    expect(cache.size).toBe(0);
    await get("/1");
    await get("/2");
    await get("/3");
    expect(cache.size).toBe(2);
    const before = seen.calls;
    await get("/1");
    expect(seen.calls).toBe(before + 1);
  });
});
