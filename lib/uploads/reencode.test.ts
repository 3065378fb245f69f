import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { hasGpsDirectory, makeAnimation, makeImage, makePhoto, SECRET_MARKER } from "@/tests/support/images";
import { detectImageType, type ImageType } from "./image-type";
import { reencodeImage } from "./reencode";

const typeOf = (bytes: Buffer): ImageType => detectImageType(bytes)!;

async function reencoded(bytes: Buffer, maxDimension = 2560) {
  const result = await reencodeImage(bytes, typeOf(bytes), maxDimension);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.image;
}

/** A JPEG whose header claims `width` × `height` (the frame header patched; no pixels to match). */
async function jpegClaiming(width: number, height: number): Promise<Buffer> {
  const bytes = Buffer.from(await makeImage("jpeg", 8, 8));
  const frame = bytes.indexOf(Buffer.from([0xff, 0xc0]));
  bytes.writeUInt16BE(height, frame + 5);
  bytes.writeUInt16BE(width, frame + 7);
  return bytes;
}

describe("reencodeImage", () => {
  it.each(["jpeg", "png", "webp"] as const)(
    "drops the GPS position and every other metadata from a %s, keeping its format",
    async (format) => {
      const photo = await makePhoto(format, 300, 200);
      const before = await sharp(photo).metadata();
      // The test image really carries what a phone writes.
      expect(hasGpsDirectory(before.exif)).toBe(true);
      expect(before.xmpAsString).toContain(SECRET_MARKER);
      expect(photo.includes(SECRET_MARKER)).toBe(true);

      const image = await reencoded(photo);
      const after = await sharp(image.bytes).metadata();
      expect(after.format).toBe(format);
      expect(detectImageType(image.bytes)).toEqual(typeOf(photo));
      expect([image.width, image.height, after.width, after.height]).toEqual([300, 200, 300, 200]);
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.iptc).toBeUndefined();
      expect(after.icc).toBeUndefined();
      expect(image.bytes.includes(SECRET_MARKER)).toBe(false);
    },
  );

  it("turns a photo upright by its EXIF orientation, then forgets it", async () => {
    // Orientation 6: stored lying on its side, shown turned 90° clockwise.
    const photo = await makePhoto("jpeg", 300, 200, { orientation: 6 });
    expect((await sharp(photo).metadata()).orientation).toBe(6);
    const image = await reencoded(photo);
    const after = await sharp(image.bytes).metadata();
    expect([image.width, image.height, after.width, after.height]).toEqual([200, 300, 200, 300]);
    expect(after.orientation).toBeUndefined();
  });

  it("scales the longest side down to the limit, never up", async () => {
    const wide = await reencoded(await makeImage("jpeg", 3000, 1200));
    expect([wide.width, wide.height]).toEqual([2560, 1024]);
    const tall = await reencoded(await makeImage("png", 400, 1600), 500);
    expect([tall.width, tall.height]).toEqual([125, 500]);
    const small = await reencoded(await makeImage("webp", 120, 80), 500);
    expect([small.width, small.height]).toEqual([120, 80]);
    expect((await sharp(wide.bytes).metadata()).width).toBe(2560);
  });

  it.each(["gif", "webp"] as const)("keeps an animated %s animated, every frame scaled", async (format) => {
    const animation = await makeAnimation(format, 400, 300);
    const image = await reencoded(animation, 200);
    expect([image.width, image.height]).toEqual([200, 150]);
    const after = await sharp(image.bytes, { animated: true }).metadata();
    expect(after.format).toBe(format);
    expect(after.pages).toBe(3);
    expect(after.pageHeight).toBe(150);
    expect(after.delay).toEqual([100, 100, 100]);
    expect(after.loop).toBe(0);
  });

  it("refuses what it cannot decode as the type the bytes claim", async () => {
    const photo = await makeImage("jpeg", 64, 64);
    const png = await makeImage("png", 64, 64);
    for (const [bytes, type] of [
      [Buffer.concat([photo.subarray(0, 4), Buffer.alloc(200)]), typeOf(photo)], // a header, then nothing
      [photo.subarray(0, Math.floor(photo.length / 2)), typeOf(photo)], // cut short
      [png, typeOf(photo)], // a PNG said to be a JPEG
    ] as const) {
      expect(await reencodeImage(bytes, type, 2560)).toEqual({ ok: false, reason: "unreadable" });
    }
  });

  it("refuses a file claiming a huge canvas before decoding it", async () => {
    const bomb = await jpegClaiming(20_000, 20_000);
    expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width).toBe(20_000);
    expect(await reencodeImage(bomb, typeOf(bomb), 2560)).toEqual({ ok: false, reason: "too-many-pixels" });
  });
});
