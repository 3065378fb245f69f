import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createImageFetcher } from "@/lib/import/images";
import { uploadStore } from "@/lib/uploads/store";
import { bloggerFeed, postEntry } from "@/tests/support/blogger-file";
import { HTML, makeImage } from "@/tests/support/images";
import { resetImports, runImport, tempFile } from "@/tests/support/imports";

// A stand-in for the old blog's image host, on this machine (the tests have no internet).
let server: Server;
let base: string;
let refused: string;
let requests: string[] = [];
let png: Buffer;

beforeAll(async () => {
  png = await makeImage("png", 40, 30);
  server = createServer((request, response) => {
    requests.push(request.url ?? "");
    if (request.url === "/house.png") response.writeHead(200, { "content-type": "image/png" }).end(png);
    else if (request.url === "/page.png") response.writeHead(200, { "content-type": "image/png" }).end(HTML);
    else if (request.url === "/huge.png") {
      // No Content-Length: the limit is enforced on the bytes as they arrive.
      response.writeHead(200, { "content-type": "image/png" });
      response.write(png);
      response.end(Buffer.alloc(5000));
    } else response.writeHead(404).end("not here");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port nobody listens on: a closed server's.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone.png`;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(async () => {
  await resetImports();
  requests = [];
});

describe("--fetch-images", () => {
  it("copies each image into uploads once and rewrites the body; failures keep their address and are reported", async () => {
    const body = `<p>New house:</p><img src="${base}/house.png" alt="The house"><img src="${base}/missing.png" alt="Lost">
<img src="${base}/page.png" alt="Fake"><img src="${base}/huge.png" alt="Huge"><img src="${refused}" alt="Refused">`;
    const file = tempFile(
      "images.xml",
      bloggerFeed([
        postEntry({ id: "1", slug: "with-images", body }),
        postEntry({ id: "2", slug: "same-image", body: `<img src="${base}/house.png" alt="Again">` }),
      ]),
    );
    const report = await runImport(file, { images: createImageFetcher({ maxBytes: png.length + 1000 }) });
    expect(report.failed).toEqual([]);
    expect(report.imagesFetched).toBe(2);
    expect(requests.filter((url) => url === "/house.png")).toHaveLength(1);

    const post = await db.post.findUniqueOrThrow({ where: { slug: "with-images" } });
    const copy = /!\[The house\]\(\/uploads\/([0-9a-f]{32}\.png)\)/.exec(post.bodyMarkdown);
    expect(copy).not.toBeNull();
    const stored = await uploadStore().read(copy![1]);
    expect(stored).toMatchObject({ mime: "image/png" });
    expect(post.bodyMarkdown).toContain(`![Lost](${base}/missing.png)`);
    expect(post.bodyMarkdown).toContain(`![Refused](${refused})`);
    const again = await db.post.findUniqueOrThrow({ where: { slug: "same-image" } });
    expect(again.bodyMarkdown).toBe(`![Again](/uploads/${copy![1]})`);

    const reasons = report.warnings.map((line) => line.reason);
    expect(reasons).toEqual([
      `image ${base}/missing.png kept at its address: the server answered 404`,
      `image ${base}/page.png kept at its address: Upload a JPEG, PNG, GIF or WebP image.`,
      `image ${base}/huge.png kept at its address: over the ${png.length + 1000} bytes an upload may have`,
      expect.stringMatching(
        new RegExp(`^image ${refused} kept at its address: could not connect \\(ECONNREFUSED\\)$`),
      ),
    ]);
  });

  it("fetches nothing on a dry run or without the option", async () => {
    const file = tempFile(
      "dry.xml",
      bloggerFeed([
        postEntry({ id: "3", slug: "dry-images", body: `<img src="${base}/house.png" alt="H">` }),
      ]),
    );
    const dry = await runImport(file, { dryRun: true, images: createImageFetcher() });
    expect(dry.imagesFetched).toBeUndefined();
    await runImport(file);
    expect(requests).toEqual([]);
    const post = await db.post.findUniqueOrThrow({ where: { slug: "dry-images" } });
    expect(post.bodyMarkdown).toBe(`![H](${base}/house.png)`);
  });
});
