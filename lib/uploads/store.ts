import "server-only";
import type { ImageType } from "@/lib/uploads/image-type";
import { databaseUploadStore } from "@/lib/uploads/database-store";
import { localUploadStore } from "@/lib/uploads/local-store";
import { uploadSettings } from "@/lib/uploads/settings";

/** An image ready to keep: already re-encoded, under its new random name. */
export type NewUpload = {
  name: string;
  mime: ImageType["mime"];
  bytes: Uint8Array;
  width: number;
  height: number;
};

/** What serving needs to know before (or instead of) sending the bytes. */
export type UploadHead = { mime: string; size: number };

/**
 * Where uploaded images are kept, by public name (docs/decisions/020). Names are random
 * and never reused, and an upload never changes once saved, which is what lets the
 * route cache them for a year. A name we could not have made (isUploadName) is unknown
 * to every store: never turned into a path or a query.
 */
export interface UploadStore {
  /** Keeps a new upload; fails rather than overwrite one of the same name. */
  save(upload: NewUpload): Promise<void>;
  /** Type and length without the bytes (HEAD, conditional requests), or null if unknown. */
  head(name: string): Promise<UploadHead | null>;
  /** The upload with its bytes, or null if unknown. */
  read(name: string): Promise<(UploadHead & { bytes: Uint8Array }) | null>;
}

/** The store UPLOAD_STORE names (or its default for DATABASE_URL: lib/uploads/settings.ts). */
export function uploadStore(): UploadStore {
  const settings = uploadSettings();
  return settings.store === "database" ? databaseUploadStore() : localUploadStore(settings.dir);
}
