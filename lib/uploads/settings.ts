import path from "node:path";
import { z } from "zod";

/**
 * Where uploaded images live and how big they may be. Outside public/ on purpose:
 * public/ is fixed at build time, and uploads must survive rebuilds and deploys.
 * next.config.ts reads the same limit to size the server-action body limit.
 */
const UploadEnvSchema = z.object({
  UPLOAD_DIR: z.string().trim().min(1).default("./data/uploads"),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(5 * 1024 * 1024),
});

export function readUploadSettings(env: NodeJS.ProcessEnv = process.env) {
  const parsed = UploadEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid upload configuration:\n${z.prettifyError(parsed.error)}`);
  return { dir: path.resolve(parsed.data.UPLOAD_DIR), maxBytes: parsed.data.UPLOAD_MAX_BYTES };
}
