import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET, HEAD } from "@/app/uploads/[name]/route";
import { createPageCache } from "@/lib/cache/page-cache.mjs";
import { db } from "@/lib/db";
import {
  GIF_1X1,
  hasGpsDirectory,
  HTML,
  imageFile,
  JPEG_HEADER,
  makeImage,
  makePhoto,
  PNG_1X1,
  SVG,
  WEBP_HEADER,
} from "@/tests/support/images";
import { databaseUploadStore } from "./database-store";
import { detectImageType } from "./image-type";
import { localUploadStore } from "./local-store";
import { saveImage, UPLOAD_MESSAGES } from "./save-image";
import { serveUpload } from "./serve";
import { uploadSettings } from "./settings";
import type { UploadStore } from "./store";

const nameOf = (url: string) => url.slice("/uploads/".length);
const request = (name: string, init?: RequestInit) => new Request(`http://test/uploads/${name}`, init);

async function stored(store: UploadStore, file: File) {
  const saved = await saveImage(file, { store });
  if (!saved.ok) throw new Error(saved.error);
  return { ...saved, name: nameOf(saved.url) };
}

describe("upload validation", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("knows images by their bytes, not their names", () => {
    expect(detectImageType(PNG_1X1)?.ext).toBe("png");
    expect(detectImageType(GIF_1X1)?.ext).toBe("gif");
    expect(detectImageType(JPEG_HEADER)?.ext).toBe("jpg");
    expect(detectImageType(WEBP_HEADER)?.ext).toBe("webp");
    for (const impostor of [SVG, HTML, Buffer.from("GIF8"), Buffer.from("RIFF1234WEBX"), Buffer.alloc(0)]) {
      expect(detectImageType(impostor)).toBeNull();
    }
  });

  it("refuses SVG, HTML disguised as an image, damaged images and empty files", async () => {
    for (const file of [imageFile(SVG, "logo.svg", "image/svg+xml"), imageFile(HTML, "cat.png", "image/png")])
      expect(await saveImage(file)).toEqual({ ok: false, error: UPLOAD_MESSAGES.notAnImage });
    expect(await saveImage(imageFile(JPEG_HEADER, "a.jpg", "image/jpeg"))).toEqual({
      ok: false,
      error: UPLOAD_MESSAGES.unreadable,
    });
    expect(await saveImage(imageFile(Buffer.alloc(0)))).toEqual({ ok: false, error: UPLOAD_MESSAGES.empty });
  });

  it("refuses files over the configured size", async () => {
    // The environment is parsed once per process: load the module afresh under the new limit.
    vi.stubEnv("UPLOAD_MAX_BYTES", "2048");
    vi.resetModules();
    const { saveImage } = await import("./save-image");
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(3000)]);
    expect(await saveImage(imageFile(big))).toEqual({
      ok: false,
      error: "Images can be at most 2 KB; this one is 3 KB.",
    });
    const fits = Buffer.concat([PNG_1X1, Buffer.alloc(1000)]);
    expect((await saveImage(imageFile(fits))).ok).toBe(true);
  });
});

describe.each([
  ["local folder", () => localUploadStore(uploadSettings().dir)],
  ["database", () => databaseUploadStore()],
])("the %s as upload store", (_kind, makeStore) => {
  const store = makeStore();

  it("keeps a photo re-encoded: no GPS position, capped, same format, under a random name", async () => {
    const photo = await makePhoto("jpeg", 3000, 1500);
    expect(hasGpsDirectory((await sharp(photo).metadata()).exif)).toBe(true);
    const saved = await stored(store, imageFile(photo, "holiday.png", "image/png"));
    expect(saved.url).toMatch(/^\/uploads\/[a-f0-9]{32}\.jpg$/);
    expect([saved.width, saved.height]).toEqual([2560, 1280]);

    const upload = await store.read(saved.name);
    expect(upload?.mime).toBe("image/jpeg");
    const bytes = Buffer.from(upload!.bytes);
    expect(upload?.size).toBe(bytes.length);
    const metadata = await sharp(bytes).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(["jpeg", 2560, 1280]);
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(await store.head(saved.name)).toEqual({ mime: "image/jpeg", size: bytes.length });
  });

  it("serves GET and HEAD with type, length, ETag, nosniff and a year's cache; 304 when revalidated", async () => {
    const { name } = await stored(store, imageFile(await makeImage("png", 40, 30)));
    const upload = await store.read(name);

    const got = await serveUpload(request(name), name, store);
    expect(got.status).toBe(200);
    const etag = got.headers.get("etag");
    expect(etag).toBe(`"${name.slice(0, 32)}"`);
    expect(Object.fromEntries(got.headers)).toMatchObject({
      "content-type": "image/png",
      "content-length": String(upload!.size),
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=31536000, immutable",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(upload!.bytes))).toBe(true);

    const head = await serveUpload(request(name, { method: "HEAD" }), name, store);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(upload!.size));
    expect(head.headers.get("etag")).toBe(etag);
    expect(head.body).toBeNull();

    for (const ifNoneMatch of [etag!, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const revalidated = await serveUpload(
        request(name, { headers: { "If-None-Match": ifNoneMatch } }),
        name,
        store,
      );
      expect(revalidated.status, ifNoneMatch).toBe(304);
      expect(revalidated.headers.get("etag")).toBe(etag);
      expect(revalidated.body).toBeNull();
    }
    const changed = await serveUpload(
      request(name, { headers: { "If-None-Match": '"other"' } }),
      name,
      store,
    );
    expect(changed.status).toBe(200);
  });

  it("answers 404 to names never stored, revalidated or not, and to names it could not have made", async () => {
    const unknown = "0123456789abcdef0123456789abcdef.png";
    for (const init of [
      {},
      { method: "HEAD" },
      { headers: { "If-None-Match": '"0123456789abcdef0123456789abcdef"' } },
    ])
      expect((await serveUpload(request(unknown, init), unknown, store)).status).toBe(404);
    for (const name of [
      "../../package.json",
      "..%2F..%2Fpackage.json",
      "/etc/passwd",
      "0123456789abcdef0123456789abcdef.svg",
      "0123456789ABCDEF0123456789ABCDEF.png",
      "0123456789abcdef0123456789abcdef.png/..",
      "0123456789abcdef0123456789abcdef.png\u0000.html",
      "",
    ]) {
      expect((await serveUpload(request("x"), name, store)).status, name).toBe(404);
      expect(await store.read(name)).toBeNull();
    }
  });

  it("never overwrites an upload of the same name", async () => {
    const { name } = await stored(store, imageFile(await makeImage("png", 20, 10)));
    const before = Buffer.from((await store.read(name))!.bytes);
    const other = { name, mime: "image/png" as const, bytes: PNG_1X1, width: 1, height: 1 };
    await expect(store.save(other)).rejects.toThrow();
    expect(Buffer.from((await store.read(name))!.bytes).equals(before)).toBe(true);
  });
});

describe("the stores' own records", () => {
  it("the database keeps the type, the real size and the image's pixels", async () => {
    const { name } = await stored(
      databaseUploadStore(),
      imageFile(await makePhoto("webp", 900, 600, { orientation: 8 })),
    );
    const row = await db.upload.findUniqueOrThrow({ where: { name } });
    expect(row).toMatchObject({ mime: "image/webp", width: 600, height: 900, size: row.bytes.length });
    // The store reads the bytes its own way (as hex): the very bytes Prisma wrote.
    const read = await databaseUploadStore().read(name);
    expect(Buffer.from(read!.bytes).equals(Buffer.from(row.bytes))).toBe(true);
    expect(row.createdAt).toBeInstanceOf(Date);
  });

  it("the local folder keeps one file per upload, named as served", async () => {
    const dir = uploadSettings().dir;
    const { name } = await stored(localUploadStore(dir), imageFile(GIF_1X1, "a.gif", "image/gif"));
    const file = await readFile(path.join(dir, name));
    expect(detectImageType(file)?.ext).toBe("gif");
  });
});

describe("the /uploads/<name> route", () => {
  it("serves the configured store's uploads to GET and HEAD", async () => {
    const saved = await saveImage(imageFile(GIF_1X1, "a.gif", "image/gif"));
    if (!saved.ok) throw new Error(saved.error);
    const name = nameOf(saved.url);
    const context = { params: Promise.resolve({ name }) };
    const got = await GET(request(name), context);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/gif");
    const head = await HEAD(request(name, { method: "HEAD" }), { params: Promise.resolve({ name }) });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(got.headers.get("content-length"));
    const missing = "0123456789abcdef0123456789abcdef.gif";
    expect((await GET(request(missing), { params: Promise.resolve({ name: missing }) })).status).toBe(404);
  });
});

describe("uploads behind server.mjs's page cache", () => {
  it("are never kept by it: every GET, HEAD and revalidation reaches the store", async () => {
    const store = localUploadStore(uploadSettings().dir);
    const { name } = await stored(store, imageFile(await makeImage("jpeg", 32, 32)));
    const cache = createPageCache();
    let asked = 0;
    const server = createServer(async (req, res) => {
      if (cache.serve(req, res)) return;
      cache.record(req, res);
      asked += 1;
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (entry): entry is [string, string] => typeof entry[1] === "string",
        ),
      );
      const answer = await serveUpload(request(name, { method: req.method, headers }), name, store);
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uploads/${name}`;
      const first = await fetch(url);
      const bytes = Buffer.from(await first.arrayBuffer());
      const second = await fetch(url);
      expect(Buffer.from(await second.arrayBuffer()).equals(bytes)).toBe(true);
      expect(second.headers.get("x-page-cache")).toBeNull();
      const head = await fetch(url, { method: "HEAD" });
      expect([head.status, head.headers.get("content-type")]).toEqual([200, "image/jpeg"]);
      const etag = first.headers.get("etag")!;
      const revalidated = await fetch(url, { headers: { "If-None-Match": etag } });
      expect(revalidated.status).toBe(304);
      expect(asked).toBe(4);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
