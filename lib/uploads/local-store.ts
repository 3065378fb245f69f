import "server-only";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { isUploadName, mimeForUploadName } from "@/lib/uploads/image-type";
import type { UploadStore } from "@/lib/uploads/store";

/**
 * Uploads as files in one folder (UPLOAD_DIR): the store for a single machine. The type
 * comes from the extension, which was chosen from the image's real bytes.
 */
export function localUploadStore(dir: string): UploadStore {
  // Only names we make become paths: no separators, no dots but the extension's.
  const fileOf = (name: string) => (isUploadName(name) ? path.join(dir, name) : null);
  const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

  return {
    async save({ name, bytes }) {
      const file = fileOf(name);
      if (!file) throw new Error(`Not an upload name: ${name}`);
      await mkdir(dir, { recursive: true });
      // "wx": never overwrite, even in the astronomically unlikely case of a name clash.
      await writeFile(file, bytes, { flag: "wx" });
    },
    async head(name) {
      const file = fileOf(name);
      if (!file) return null;
      try {
        return { mime: mimeForUploadName(name)!, size: (await stat(file)).size };
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async read(name) {
      const file = fileOf(name);
      if (!file) return null;
      try {
        const bytes = await readFile(file);
        return { mime: mimeForUploadName(name)!, size: bytes.length, bytes };
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
  };
}
