import { NextResponse, type NextRequest } from "next/server";
import { locateComment } from "@/lib/data/comment-pages";
import { findCommentIdByTime } from "@/lib/data/comments";
import { getPostByPermalink, getRedirectTarget } from "@/lib/data/posts";
import { commentViewPath } from "@/lib/comments/paths";
import { parseSlugParam } from "@/lib/validations/listing";

export const dynamic = "force-dynamic";

const PERMALINK = /^\/(\d{4})\/(0[1-9]|1[0-2])\/([^/?#]{1,200})$/;

/**
 * Blogger's comment permalinks, `/YYYY/MM/slug?showComment=<ms>#c…` (next.config.ts
 * sends them here): the page of the discussion that shows that comment, or the post.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ at: string }> }) {
  const { at } = await params;
  const match = PERMALINK.exec(request.nextUrl.searchParams.get("post") ?? "");
  const slug = match ? parseSlugParam(match[3]) : null;
  const post = match && slug !== null ? await findPost(match[1], match[2], slug) : null;
  if (!post || !/^\d{1,15}$/.test(at))
    return new NextResponse("That comment does not exist.", { status: 404 });
  const id = await findCommentIdByTime(post.id, Number(at));
  const location = id === null ? null : await locateComment(id);
  // Relative, so it is right behind any proxy (request.url names the local server). With
  // no comment at that time, the post itself: a Location without a fragment keeps the
  // link's own (#c…), which the post page may still have.
  const target = location && id !== null ? commentViewPath(location.postPath, location.view, id) : post.path;
  return new NextResponse(null, { status: 302, headers: { Location: target } });
}

/** The post at that permalink, or the one it moved to (a renamed post, an imported one). */
async function findPost(year: string, month: string, slug: string) {
  const post = await getPostByPermalink(year, month, slug);
  if (post) return post;
  const moved = PERMALINK.exec((await getRedirectTarget(`/${year}/${month}/${slug}`)) ?? "");
  return moved ? getPostByPermalink(moved[1], moved[2], moved[3]) : null;
}
