import { readUpload } from "@/lib/uploads/store";

/**
 * Serves uploaded images. The name must match our own naming pattern exactly (no
 * paths, no dots beyond the extension), and the type comes from the stored extension,
 * which was chosen from the file's real bytes at upload time.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const upload = await readUpload((await params).name);
  if (!upload)
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return new Response(new Uint8Array(upload.bytes), {
    headers: {
      "Content-Type": upload.mime,
      "Content-Length": String(upload.bytes.length),
      "X-Content-Type-Options": "nosniff",
      // Names are random and files never change: cache for a year.
      "Cache-Control": "public, max-age=31536000, immutable",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
