import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { detectImageType, mimeForUploadName, type ImageType } from "@/lib/uploads/image-type";
import { uploadSettings } from "@/lib/uploads/settings";

export type SaveImageResult = { ok: true; url: string } | { ok: false; error: string };

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** Checks an uploaded image (real type, size) and stores it under a random name. */
export async function saveImage(file: File): Promise<SaveImageResult> {
  const { dir, maxBytes } = uploadSettings();
  if (file.size === 0) return { ok: false, error: "The image file is empty." };
  if (file.size > maxBytes) {
    return {
      ok: false,
      error: `Images can be at most ${formatSize(maxBytes)}; this one is ${formatSize(file.size)}.`,
    };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type: ImageType | null = detectImageType(bytes);
  if (!type) return { ok: false, error: "Upload a JPEG, PNG, GIF or WebP image." };
  const name = `${randomBytes(16).toString("hex")}.${type.ext}`;
  await mkdir(dir, { recursive: true });
  // "wx": never overwrite, even in the astronomically unlikely case of a name clash.
  await writeFile(path.join(dir, name), bytes, { flag: "wx" });
  return { ok: true, url: `/uploads/${name}` };
}

/** An uploaded file by its public name, or null for any name we could not have made. */
export async function readUpload(name: string): Promise<{ bytes: Buffer; mime: string } | null> {
  const mime = mimeForUploadName(name);
  if (!mime) return null;
  try {
    return { bytes: await readFile(path.join(uploadSettings().dir, name)), mime };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
