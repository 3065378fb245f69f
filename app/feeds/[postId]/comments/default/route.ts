import { getFeedComments, getFeedPost } from "@/lib/data/feeds";
import { commentsAtom } from "@/lib/feeds/atom";
import { feedPaths } from "@/lib/feeds/paths";
import { ATOM_TYPE, xmlResponse } from "@/lib/feeds/response";

export const dynamic = "force-dynamic";

/** Blogger's per-post comments feed, /feeds/<postId>/comments/default (Atom). */
export async function GET(_request: Request, { params }: { params: Promise<{ postId: string }> }) {
  const { postId } = await params;
  const post = /^\d{1,10}$/.test(postId) ? await getFeedPost(Number(postId)) : null;
  if (!post) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const comments = await getFeedComments({ postId: post.id });
  const body = commentsAtom(comments, {
    title: `Comments on “${post.title}”`,
    selfPath: feedPaths.postCommentsAtom(post.id),
    alternatePath: post.path,
  });
  return xmlResponse(body, ATOM_TYPE);
}
