import { NextResponse, type NextRequest } from "next/server";
import { getRedirectTarget } from "@/lib/data/posts";
import { parseOldPath } from "@/lib/validations/listing";

export const dynamic = "force-dynamic";

/**
 * Addresses of the old blog that no page of ours has the shape of — WordPress's
 * `/?p=123` and `/2024/06/19/slug/` — sent here by next.config.ts: the post an import
 * kept that address for (PostRedirect), or 404.
 */
export async function GET(request: NextRequest) {
  const path = parseOldPath(request.nextUrl.searchParams);
  const target = path === null ? null : await getRedirectTarget(path);
  if (!target) return new NextResponse("No post lives at that address.", { status: 404 });
  // Relative, so it is right behind any proxy (request.url names the local server).
  return new NextResponse(null, { status: 301, headers: { Location: encodeURI(target) } });
}
