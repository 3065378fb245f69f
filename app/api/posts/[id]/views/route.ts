import { NextResponse } from "next/server";
import { currentShareCount, recordPostView } from "@/lib/data/post-counters";
import { parseId } from "@/lib/validations/ids";
import { visitorFromRequest } from "@/lib/visitors/visitor";

/**
 * Counts a view (once per visitor per post per day; crawlers never) and returns both
 * counts: the post page is cached, so this is where a reader gets them current.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const postId = parseId((await params).id);
  const [view, shareCount] =
    postId === null
      ? [null, null]
      : await Promise.all([recordPostView(postId, visitorFromRequest(request)), currentShareCount(postId)]);
  if (!view || shareCount === null) return NextResponse.json({ error: "Unknown post" }, { status: 404 });
  return NextResponse.json(
    { viewCount: view.count, shareCount, counted: view.counted },
    { headers: { "Cache-Control": "no-store" } },
  );
}
