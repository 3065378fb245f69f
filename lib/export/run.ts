import type { DbClient } from "@/lib/db/client";
import { exportBlogger } from "@/lib/export/blogger";
import { exportJson } from "@/lib/export/json";
import type { ExportFormat, ExportOptions } from "@/lib/export/options";
import { exportWxr } from "@/lib/export/wxr";

/**
 * The whole blog in one format, as text chunks produced on demand: the consumer (stdout
 * in scripts/export.ts, a Response body in the admin download) pulls the next chunk only
 * when it has sent the last, and the readers behind it fetch a batch at a time.
 */
export function exportBlog(
  db: DbClient,
  format: ExportFormat,
  options: ExportOptions,
): AsyncGenerator<string> {
  switch (format) {
    case "json":
      return exportJson(db, options);
    case "wxr":
      return exportWxr(db, options);
    case "blogger":
      return exportBlogger(db, options);
  }
}

/** A web stream of the export, UTF-8, pulled chunk by chunk (backpressure from the client). */
export function exportStream(
  db: DbClient,
  format: ExportFormat,
  options: ExportOptions,
): ReadableStream<Uint8Array> {
  const chunks = exportBlog(db, format, options);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Many small chunks make many small writes: gather about 64 KB before handing one over.
      let text = "";
      while (text.length < 65_536) {
        const next = await chunks.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
