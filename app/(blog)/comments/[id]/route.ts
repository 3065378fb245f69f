import { NextResponse, type NextRequest } from "next/server";
import { locateComment } from "@/lib/data/comment-pages";
import { commentViewPath } from "@/lib/comments/paths";
import { DEFAULT_SORT, isCommentSort } from "@/lib/comments/sort";
import { parseId } from "@/lib/validations/ids";

export const dynamic = "force-dynamic";

/**
 * A comment’s permanent address: redirects to the page of the discussion that shows it,
 * in the order `?sort=` names (Oldest without it).
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const asked = request.nextUrl.searchParams.get("sort");
  const sort = isCommentSort(asked) ? asked : DEFAULT_SORT;
  const location = id === null ? null : await locateComment(id, sort);
  if (!location || id === null) return new NextResponse("That comment does not exist.", { status: 404 });
  return new NextResponse(null, {
    status: 302,
    headers: { Location: commentViewPath(location.postPath, location.view, id) },
  });
}
