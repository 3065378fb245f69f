import "server-only";
import { isUploadName } from "@/lib/uploads/image-type";
import { uploadStore, type UploadHead, type UploadStore } from "@/lib/uploads/store";

// Names are random and an upload never changes: a year, and no need to ask again.
const CACHE_CONTROL = "public, max-age=31536000, immutable";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET). */
function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

/**
 * The answer to GET or HEAD /uploads/<name>. Only names we could have made are looked
 * up; the type is the one stored at upload time, from the image's real bytes, and the
 * browser is told not to guess another (nosniff) nor to run anything (sandbox). The
 * random part of the name is the ETag, since the bytes under a name never change.
 */
export async function serveUpload(
  request: Request,
  name: string,
  store: UploadStore = uploadStore(),
): Promise<Response> {
  if (!isUploadName(name)) return notFound();
  const etag = `"${name.slice(0, name.indexOf("."))}"`;
  const revalidating = matchesEtag(request.headers.get("if-none-match"), etag);
  const withoutBody = request.method === "HEAD" || revalidating;
  const upload: (UploadHead & { bytes?: Uint8Array }) | null = withoutBody
    ? await store.head(name)
    : await store.read(name);
  if (!upload) return notFound();
  const headers = { ETag: etag, "Cache-Control": CACHE_CONTROL };
  if (revalidating) return new Response(null, { status: 304, headers });
  return new Response(upload.bytes ? new Uint8Array(upload.bytes) : null, {
    headers: {
      ...headers,
      "Content-Type": upload.mime,
      "Content-Length": String(upload.size),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
