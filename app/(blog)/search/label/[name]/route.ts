import { slugify } from "@/lib/text/slugify";
import { safeDecode } from "@/lib/validations/listing";

/**
 * Blogger's label URLs (/search/label/World) keep working: a permanent redirect to
 * /label/<slug>. Slugs are made from names the same way the seed and editor make them.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const name = safeDecode((await params).name);
  const slug = name ? slugify(name) : "";
  if (!slug)
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  // A relative Location: behind `next start` request.url names localhost, not the public host.
  return new Response(null, { status: 301, headers: { Location: `/label/${encodeURIComponent(slug)}` } });
}
