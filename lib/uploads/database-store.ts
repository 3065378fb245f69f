import "server-only";
import { db } from "@/lib/db";
import { isUploadName } from "@/lib/uploads/image-type";
import type { UploadStore } from "@/lib/uploads/store";

/**
 * Uploads as rows of the Upload table: every instance reads the same ones, and a
 * database backup holds them (docs/decisions/020). HEAD and conditional requests read
 * the row without its bytes.
 */
export function databaseUploadStore(): UploadStore {
  return {
    async save({ name, mime, bytes, width, height }) {
      await db.upload.create({
        // A copy typed as Prisma wants it (a plain ArrayBuffer, not Node's shared pool).
        data: { name, mime, bytes: new Uint8Array(bytes), width, height, size: bytes.length },
        select: { name: true },
      });
    },
    async head(name) {
      // Not even a query: PostgreSQL refuses some such names (a NUL) with an error.
      if (!isUploadName(name)) return null;
      return db.upload.findUnique({ where: { name }, select: { mime: true, size: true } });
    },
    async read(name) {
      if (!isUploadName(name)) return null;
      return db.upload.findUnique({ where: { name }, select: { mime: true, size: true, bytes: true } });
    },
  };
}
