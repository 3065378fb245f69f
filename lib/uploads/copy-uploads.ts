import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { detectImageType, isUploadName } from "@/lib/uploads/image-type";
import { reencodeImage } from "@/lib/uploads/reencode";
import type { UploadStore } from "@/lib/uploads/store";

export type CopyReport = { copied: string[]; present: string[]; refused: string[] };

/**
 * Copies the uploads in a folder (the local store) into another store under the same
 * names, so posts keep their image URLs: the way from UPLOAD_STORE=local to database
 * (`npm run uploads:copy`). Each image is re-encoded as a new upload would be, which
 * also strips the metadata of uploads made before re-encoding existed. Names the target
 * already has are left alone, so a second run copies only what is new. Files that are
 * not ours (other names, undecodable bytes) are reported, never copied.
 */
export async function copyUploads(
  dir: string,
  target: UploadStore,
  maxDimension: number,
): Promise<CopyReport> {
  const report: CopyReport = { copied: [], present: [], refused: [] };
  for (const name of (await readdir(dir)).sort()) {
    if (!isUploadName(name)) {
      report.refused.push(name);
      continue;
    }
    if (await target.head(name)) {
      report.present.push(name);
      continue;
    }
    const bytes = await readFile(path.join(dir, name));
    const type = detectImageType(bytes);
    const reencoded =
      type && name.endsWith(`.${type.ext}`) ? await reencodeImage(bytes, type, maxDimension) : null;
    if (!type || !reencoded?.ok) {
      report.refused.push(name);
      continue;
    }
    const { image } = reencoded;
    await target.save({
      name,
      mime: type.mime,
      bytes: image.bytes,
      width: image.width,
      height: image.height,
    });
    report.copied.push(name);
  }
  return report;
}
