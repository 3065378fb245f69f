import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/uploads/[name]/route";
import { GIF_1X1, HTML, imageFile, JPEG_HEADER, PNG_1X1, SVG, WEBP_HEADER } from "@/tests/support/images";
import { detectImageType } from "./image-type";
import { uploadSettings } from "./settings";
import { saveImage } from "./store";

const serve = (name: string) =>
  GET(new Request(`http://test/uploads/${name}`), { params: Promise.resolve({ name }) });

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

  it("stores a real image under a random name with the extension its bytes call for", async () => {
    const saved = await saveImage(imageFile(PNG_1X1, "holiday.jpg", "image/jpeg"));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.url).toMatch(/^\/uploads\/[a-f0-9]{32}\.png$/);
    const stored = await readFile(path.join(uploadSettings().dir, saved.url.slice("/uploads/".length)));
    expect(stored.equals(PNG_1X1)).toBe(true);
  });

  it("refuses SVG, HTML disguised as an image, and empty files", async () => {
    expect(await saveImage(imageFile(SVG, "logo.svg", "image/svg+xml"))).toEqual({
      ok: false,
      error: "Upload a JPEG, PNG, GIF or WebP image.",
    });
    expect(await saveImage(imageFile(HTML, "cat.png", "image/png"))).toEqual({
      ok: false,
      error: "Upload a JPEG, PNG, GIF or WebP image.",
    });
    expect(await saveImage(imageFile(Buffer.alloc(0)))).toEqual({
      ok: false,
      error: "The image file is empty.",
    });
  });

  it("refuses files over the configured size", async () => {
    // The environment is parsed once per process: load the store afresh under the new limit.
    vi.stubEnv("UPLOAD_MAX_BYTES", "2048");
    vi.resetModules();
    const { saveImage } = await import("./store");
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(3000)]);
    expect(await saveImage(imageFile(big))).toEqual({
      ok: false,
      error: "Images can be at most 2 KB; this one is 3 KB.",
    });
    const fits = Buffer.concat([PNG_1X1, Buffer.alloc(1000)]);
    expect((await saveImage(imageFile(fits))).ok).toBe(true);
  });
});

describe("serving uploads", () => {
  it("serves a stored image with its type, nosniff and a long cache", async () => {
    const saved = await saveImage(imageFile(GIF_1X1, "a.gif", "image/gif"));
    if (!saved.ok) throw new Error(saved.error);
    const response = await serve(saved.url.slice("/uploads/".length));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/gif");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(Buffer.from(await response.arrayBuffer()).equals(GIF_1X1)).toBe(true);
  });

  it("answers 404 to any name it could not have made", async () => {
    for (const name of [
      "../../package.json",
      "..%2F..%2Fpackage.json",
      "/etc/passwd",
      "0123456789abcdef0123456789abcdef.svg",
      "0123456789ABCDEF0123456789ABCDEF.png",
      "0123456789abcdef0123456789abcdef.png/..",
      "0123456789abcdef0123456789abcdef.png\u0000.html",
      "0123456789abcdef0123456789abcdef.png",
      "",
    ]) {
      expect((await serve(name)).status, name).toBe(404);
    }
  });
});
