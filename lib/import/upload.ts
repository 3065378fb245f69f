import "server-only";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import Busboy from "@fastify/busboy";
import { UPLOAD_MAX_BYTES, type UploadNotice } from "@/lib/validations/move";

export type ReceivedUpload =
  { ok: true; file: string; fileName: string; dryRun: boolean } | { ok: false; notice: UploadNotice };

/**
 * Streams a multipart upload's one file to a temporary file (never into memory), with the
 * form's fields; refuses a file over the limit as soon as it passes it (the partial file
 * is removed). request.formData() would hold all 200 MB in memory.
 */
export async function receiveUpload(request: Request, limit = UPLOAD_MAX_BYTES): Promise<ReceivedUpload> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit + 64 * 1024) return { ok: false, notice: "too-large" };
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") || !request.body) return { ok: false, notice: "invalid" };

  const dir = await mkdtemp(path.join(tmpdir(), "commonplace-upload-"));
  const file = path.join(dir, "export");
  const fields: Record<string, string> = {};
  let fileName: string | null = null;
  let tooLarge = false;
  let written: Promise<void> = Promise.resolve();
  try {
    const parser = Busboy({
      headers: { "content-type": type },
      limits: { fileSize: limit, files: 1, fields: 5, fieldSize: 1024 },
    });
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (name, stream, originalName) => {
      if (name !== "file" || fileName !== null || !originalName) {
        stream.resume();
        return;
      }
      fileName = path.basename(originalName).slice(0, 200);
      stream.on("limit", () => {
        tooLarge = true;
      });
      written = pipeline(stream, createWriteStream(file));
    });
    await pipeline(Readable.fromWeb(request.body as import("node:stream/web").ReadableStream), parser);
    await written;
  } catch {
    await rm(dir, { recursive: true, force: true });
    return { ok: false, notice: "invalid" };
  }
  if (tooLarge || fileName === null) {
    await rm(dir, { recursive: true, force: true });
    return { ok: false, notice: tooLarge ? "too-large" : "no-file" };
  }
  return { ok: true, file, fileName, dryRun: fields.dryRun === "on" };
}
