/**
 * `npm run uploads:copy`: copies the images in UPLOAD_DIR into the database under the
 * same names (lib/uploads/copy-uploads.ts, docs/decisions/020). Run it when moving to
 * UPLOAD_STORE=database (the default on PostgreSQL); running it again copies only
 * what is new.
 */
import { existsSync } from "node:fs";
import { loadEnvFiles } from "@/lib/env-files.mjs";
import { runCli } from "./lib/run-cli";

// Before anything reads the environment (lib/env.ts parses it on import).
loadEnvFiles();
const { copyUploads } = await import("@/lib/uploads/copy-uploads");
const { databaseUploadStore } = await import("@/lib/uploads/database-store");
const { uploadSettings } = await import("@/lib/uploads/settings");

async function main(): Promise<number> {
  const { dir, maxDimension } = uploadSettings();
  if (!existsSync(dir)) {
    console.error(`No folder ${dir} (UPLOAD_DIR): nothing to copy.`);
    return 1;
  }
  const { copied, present, refused } = await copyUploads(dir, databaseUploadStore(), maxDimension);
  console.log(`Copied into the database: ${copied.length}; already there: ${present.length}.`);
  if (refused.length)
    console.warn(`Not copied (not an upload of ours, or not a readable image): ${refused.join(", ")}`);
  return 0;
}

runCli(main);
