import { serveUpload } from "@/lib/uploads/serve";

type Context = { params: Promise<{ name: string }> };

/** Uploaded images, from the configured store (lib/uploads/serve.ts, docs/decisions/020). */
export async function GET(request: Request, { params }: Context) {
  return serveUpload(request, (await params).name);
}

/** The same headers without the bytes, which the store then does not read. */
export async function HEAD(request: Request, { params }: Context) {
  return serveUpload(request, (await params).name);
}
