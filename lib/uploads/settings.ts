import "server-only";
import path from "node:path";
import { databaseProvider } from "@/lib/db/url";
import { env } from "@/lib/env";

export type UploadStoreKind = "local" | "database";

export type UploadSettings = {
  store: UploadStoreKind;
  /** The local store's folder, absolute. */
  dir: string;
  /** Largest file accepted, before re-encoding. */
  maxBytes: number;
  /** Longest side of a stored image, in pixels. */
  maxDimension: number;
};

/**
 * Where uploaded images are kept and how big they may be (docs/decisions/005, 020).
 * next.config.ts sizes the server-action body limit from the same UPLOAD_MAX_BYTES.
 */
export function uploadSettings(): UploadSettings {
  return {
    store: env.UPLOAD_STORE ?? defaultUploadStore(env.DATABASE_URL),
    dir: path.resolve(env.UPLOAD_DIR),
    maxBytes: env.UPLOAD_MAX_BYTES,
    maxDimension: env.UPLOAD_MAX_DIMENSION,
  };
}

/**
 * PostgreSQL is what a blog moves to when it runs several instances, and a folder on one
 * of them would serve its images to that instance only: there the database is the store.
 * SQLite is one file on one machine, where the folder keeps working as it always has.
 */
export function defaultUploadStore(databaseUrl: string): UploadStoreKind {
  return databaseProvider(databaseUrl) === "postgresql" ? "database" : "local";
}
