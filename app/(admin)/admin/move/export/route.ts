import { authorize } from "@/lib/actions/server";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { EXPORT_FILES } from "@/lib/export/options";
import { exportStream } from "@/lib/export/run";
import { ExportQuerySchema } from "@/lib/validations/move";

export const dynamic = "force-dynamic";

/**
 * Downloads the whole blog (lib/export) as Commonplace JSON, WordPress WXR or a Blogger
 * feed, streamed as it is read. Admins only, checked here: the file holds drafts, held
 * and removed comments, and with `emails=on` the authors' addresses.
 */
export async function GET(request: Request) {
  const allowed = await authorize("edit:settings");
  if (!allowed.ok)
    return new Response("Only admins may export the blog.", {
      status: allowed.refusal === "signed-out" ? 401 : 403,
      headers: { "Cache-Control": "no-store" },
    });
  const query = ExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    return new Response("Unknown export format: use json, wxr or blogger.", {
      status: 400,
      headers: { "Cache-Control": "no-store" },
    });
  const { format, emails } = query.data;
  const file = EXPORT_FILES[format];
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exportStream(db, format, { site: config.siteUrl, withEmails: emails === "on" }), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="commonplace-${format}-${day}.${file.extension}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
