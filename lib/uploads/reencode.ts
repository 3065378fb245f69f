import "server-only";
import sharp from "sharp";
import type { ImageType } from "@/lib/uploads/image-type";

export type ReencodedImage = { bytes: Buffer; width: number; height: number };
export type ReencodeResult =
  { ok: true; image: ReencodedImage } | { ok: false; reason: "unreadable" | "too-many-pixels" };

/**
 * A decompression bomb is a small file that claims a huge canvas (a 5 MB PNG can say
 * 30,000 × 30,000). 100 megapixels takes any camera's photo and refuses such a file
 * before its pixels are decoded; sharp's own default is 268 megapixels.
 */
export const MAX_INPUT_PIXELS = 100_000_000;

// Each upload is decoded once: libvips' operation cache would only hold memory.
sharp.cache(false);

const SHARP_FORMAT: Record<ImageType["ext"], string> = { jpg: "jpeg", png: "png", gif: "gif", webp: "webp" };

/**
 * The image drawn again by sharp (libvips) in its own format: turned upright by its
 * EXIF orientation, scaled down to at most `maxDimension` on its longest side, and
 * written without any metadata (EXIF with GPS position and camera serial, XMP, IPTC,
 * comments; colour is converted to sRGB and the profile dropped). Animated GIF and WebP
 * keep their frames and timing. Refused: bytes that cannot be decoded as the type they
 * claim to be, damaged files included (sharp's strict `failOn: "warning"`), and canvases
 * over MAX_INPUT_PIXELS.
 */
export async function reencodeImage(
  input: Uint8Array,
  type: ImageType,
  maxDimension: number,
): Promise<ReencodeResult> {
  try {
    // The header alone says what the file claims, before any pixel is decoded (the
    // decoder below enforces the same limit; this tells the author why).
    const metadata = await sharp(input, { animated: true, limitInputPixels: false }).metadata();
    if (metadata.format !== SHARP_FORMAT[type.ext]) return { ok: false, reason: "unreadable" };
    if (metadata.width * metadata.height > MAX_INPUT_PIXELS) return { ok: false, reason: "too-many-pixels" };
    const image = sharp(input, { animated: true, autoOrient: true, limitInputPixels: MAX_INPUT_PIXELS });
    image.resize({ width: maxDimension, height: maxDimension, fit: "inside", withoutEnlargement: true });
    if (type.ext === "jpg") image.jpeg({ quality: 85, mozjpeg: true });
    else if (type.ext === "png") image.png({ palette: metadata.isPalette });
    else if (type.ext === "webp") image.webp({ quality: 85 });
    else image.gif();
    const { data, info } = await image.toBuffer({ resolveWithObject: true });
    // An animation is one tall strip of frames: its height is one frame's.
    return { ok: true, image: { bytes: data, width: info.width, height: info.pageHeight ?? info.height } };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}
