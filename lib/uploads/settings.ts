import "server-only";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * Where uploaded images live (outside public/, which is fixed at build time; uploads must
 * survive rebuilds and deploys) and how big they may be. next.config.ts sizes the
 * server-action body limit from the same UPLOAD_MAX_BYTES.
 */
export function uploadSettings(): { dir: string; maxBytes: number } {
  return { dir: path.resolve(env.UPLOAD_DIR), maxBytes: env.UPLOAD_MAX_BYTES };
}
