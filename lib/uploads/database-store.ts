import "server-only";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/db/url";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUploadName } from "@/lib/uploads/image-type";
import type { UploadStore } from "@/lib/uploads/store";

/**
 * Prisma's driver adapters hand a Bytes column over as a JavaScript array with one
 * number per byte: reading a 180 KB image took 150–200 ms that way, as hex text 15 ms
 * (docs/decisions/020). So the bytes are read as hex, in each database's own words.
 */
const bytesAsHex = () =>
  databaseProvider(env.DATABASE_URL) === "postgresql"
    ? Prisma.sql`encode("bytes", 'hex')`
    : Prisma.sql`hex("bytes")`;

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
      const [row] = await db.$queryRaw<{ mime: string; hex: string }[]>`
        SELECT "mime", ${bytesAsHex()} AS "hex" FROM "Upload" WHERE "name" = ${name}`;
      if (!row) return null;
      const bytes = Buffer.from(row.hex, "hex");
      return { mime: row.mime, size: bytes.length, bytes };
    },
  };
}
