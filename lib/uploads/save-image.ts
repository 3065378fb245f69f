import "server-only";
import { randomBytes } from "node:crypto";
import { detectImageType } from "@/lib/uploads/image-type";
import { MAX_INPUT_PIXELS, reencodeImage } from "@/lib/uploads/reencode";
import { uploadSettings } from "@/lib/uploads/settings";
import { uploadStore, type UploadStore } from "@/lib/uploads/store";

export type SaveImageResult =
  { ok: true; url: string; width: number; height: number } | { ok: false; error: string };

export const UPLOAD_MESSAGES = {
  empty: "The image file is empty.",
  notAnImage: "Upload a JPEG, PNG, GIF or WebP image.",
  unreadable: "This image could not be read: the file may be damaged. Try exporting it again.",
  tooManyPixels: `This image is too large to process: at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels.`,
} as const;

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * Checks an uploaded image (size, real type from its bytes), re-encodes it (upright,
 * capped in size, no metadata: lib/uploads/reencode.ts) and keeps it under a random
 * name in the configured store. `store` and `maxDimension` default to the settings.
 */
export async function saveImage(
  file: File,
  {
    store = uploadStore(),
    maxDimension = uploadSettings().maxDimension,
  }: { store?: UploadStore; maxDimension?: number } = {},
): Promise<SaveImageResult> {
  const { maxBytes } = uploadSettings();
  if (file.size === 0) return { ok: false, error: UPLOAD_MESSAGES.empty };
  if (file.size > maxBytes) {
    return {
      ok: false,
      error: `Images can be at most ${formatSize(maxBytes)}; this one is ${formatSize(file.size)}.`,
    };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = detectImageType(bytes);
  if (!type) return { ok: false, error: UPLOAD_MESSAGES.notAnImage };
  const reencoded = await reencodeImage(bytes, type, maxDimension);
  if (!reencoded.ok)
    return {
      ok: false,
      error:
        reencoded.reason === "too-many-pixels" ? UPLOAD_MESSAGES.tooManyPixels : UPLOAD_MESSAGES.unreadable,
    };
  const { image } = reencoded;
  const name = `${randomBytes(16).toString("hex")}.${type.ext}`;
  await store.save({ name, mime: type.mime, bytes: image.bytes, width: image.width, height: image.height });
  return { ok: true, url: `/uploads/${name}`, width: image.width, height: image.height };
}
