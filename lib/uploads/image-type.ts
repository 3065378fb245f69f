/**
 * The real type of an uploaded image, from its first bytes. The browser's declared
 * MIME type and the file name are chosen by the sender, so neither is trusted. SVG is
 * never accepted: it is XML that can carry scripts.
 */
export type ImageType = {
  mime: "image/jpeg" | "image/png" | "image/gif" | "image/webp";
  ext: "jpg" | "png" | "gif" | "webp";
};

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", ext: "jpg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: "image/png", ext: "png" };
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a")))
    return { mime: "image/gif", ext: "gif" };
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8))
    return { mime: "image/webp", ext: "webp" };
  return null;
}

const MIME_BY_EXT: Record<ImageType["ext"], ImageType["mime"]> = {
  jpg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
};

/** Stored names are ours alone: 32 random hex characters and a known extension. */
export const UPLOAD_NAME_PATTERN = /^[a-f0-9]{32}\.(jpg|png|gif|webp)$/;

export function isUploadName(name: string): boolean {
  return UPLOAD_NAME_PATTERN.test(name);
}

export function mimeForUploadName(name: string): ImageType["mime"] | null {
  const match = UPLOAD_NAME_PATTERN.exec(name);
  return match ? MIME_BY_EXT[match[1] as ImageType["ext"]] : null;
}
