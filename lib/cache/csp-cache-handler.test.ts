import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import CspCacheHandler from "./csp-cache-handler.mjs";
import { applyExpiry, setExpiryPublisher } from "./expiry-channel.mjs";
import { createPageCache } from "./page-cache.mjs";

// Next's own file-system cache class, as the server runs it: a page is stored, read back,
// and expired by tag, here or by another server process (docs/decisions/021).
const serverDistDir = mkdtempSync(path.join(tmpdir(), "commonplace-handler-"));
afterAll(() => rmSync(serverDistDir, { recursive: true, force: true }));
afterEach(() => setExpiryPublisher(null));

const handler = () =>
  new CspCacheHandler({
    fs: nodeFs,
    serverDistDir,
    flushToDisk: true,
    maxMemoryCacheSize: 8 * 1024 * 1024,
    revalidatedTags: [],
  });

const READ = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
const STORE = {
  cacheControl: { revalidate: 60, expire: 31536000 },
  isRoutePPREnabled: false,
  isFallback: false,
};

/** A page as Next stores it, tagged with `tag`, under a key of its own. */
function page(tag: string) {
  const key = `/route-cache/APP_PAGE/${randomUUID()}/$/post`;
  const value = {
    kind: "APP_PAGE",
    html: "<html><body><script>self.__next_f=[]</script></body></html>",
    rscData: Buffer.from("rsc"),
    headers: { "x-next-cache-tags": `${tag},_N_T_/layout-${tag}` },
    status: 200,
    postponed: undefined,
    segmentData: undefined,
  };
  return { key, value };
}

// Next compares an expiry's time with the entry's, in milliseconds.
const aMillisecond = () => new Promise((resolve) => setTimeout(resolve, 3));

describe("the cache handler", () => {
  it("keeps rendered pages in memory, with their script policy, and writes none to disk", async () => {
    const { key, value } = page(`tag-${randomUUID()}`);
    await handler().get(key, READ);
    await handler().set(key, value, STORE);
    const entry = await handler().get(key, READ);
    expect(entry?.value?.html).toBe(value.html);
    expect(entry?.value?.headers?.["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
    expect(existsSync(path.join(serverDistDir, "route-cache"))).toBe(false);
  });

  it("expires a page when another process expired its tag, and empties the page cache", async () => {
    const tag = `tag-${randomUUID()}`;
    const { key, value } = page(tag);
    const { pageCache, get } = await servedPageCache();
    await get();
    expect(pageCache.size).toBe(1);
    await handler().set(key, value, STORE);
    await aMillisecond();

    applyExpiry([`other-${randomUUID()}`]);
    await aMillisecond();
    expect(await handler().get(key, READ)).not.toBeNull();
    expect(pageCache.size).toBe(0);

    applyExpiry([tag]);
    await aMillisecond();
    expect(await handler().get(key, READ)).toBeNull();
  });

  it("expires pages however many copies of it the process loaded (Next bundles one into the proxy)", async () => {
    // Loaded after the handlers in use were created, the way the proxy's bundle is: its
    // registration on the expiry channel comes last.
    // @ts-expect-error -- a second module instance, told apart by its query
    await import("./csp-cache-handler.mjs?as-bundled-into-the-proxy");
    const tag = `tag-${randomUUID()}`;
    const { key, value } = page(tag);
    const renderer = handler();
    await renderer.set(key, value, STORE);
    await aMillisecond();
    applyExpiry([tag]);
    await aMillisecond();
    expect(await renderer.get(key, READ)).toBeNull();
  });

  it("publishes what expires here, once, for the other processes; not what they expired", async () => {
    const published: string[][] = [];
    setExpiryPublisher(async (tags) => {
      published.push(tags);
    });
    const tag = `tag-${randomUUID()}`;
    const { key, value } = page(tag);
    await handler().set(key, value, STORE);
    await aMillisecond();
    await handler().revalidateTag([tag], { expire: 0 });
    await aMillisecond();
    expect(await handler().get(key, READ)).toBeNull();
    applyExpiry([`remote-${randomUUID()}`]);
    expect(published).toEqual([[tag]]);
  });

  it("does not store a page whose render began before an expiry: it may show the old data", async () => {
    const { key, value } = page(`tag-${randomUUID()}`);
    expect(await handler().get(key, READ)).toBeNull(); // Next misses and starts rendering
    applyExpiry([`anything-${randomUUID()}`]); // meanwhile another process changes something
    await handler().set(key, value, STORE);
    expect(await handler().get(key, READ)).toBeNull(); // the next request renders again
    await handler().set(key, value, STORE);
    expect(await handler().get(key, READ)).not.toBeNull();
  });
});

let server: Server | null = null;
afterEach(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = null;
});

/** The server's page cache in front of a page Next marked as shareable. */
async function servedPageCache() {
  const pageCache = createPageCache();
  pageCache.install();
  server = createServer((req, res) => {
    if (pageCache.serve(req, res)) return;
    pageCache.record(req, res);
    res.setHeader("cache-control", "s-maxage=60");
    res.end("a page");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const get = async () => (await fetch(`http://127.0.0.1:${port}/post`)).text();
  return { pageCache, get };
}
