import { getFeedComments, getFeedPost } from "@/lib/data/feeds";
import { commentsAtom } from "@/lib/feeds/atom";
import { feedPaths } from "@/lib/feeds/paths";
import { ATOM_TYPE, notFoundResponse, xmlResponse } from "@/lib/feeds/response";
import { parseId } from "@/lib/validations/ids";

// Cached like the reader pages: expired by lib/cache/revalidate.ts on every change.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

/** Blogger's per-post comments feed, /feeds/<postId>/comments/default (Atom). */
export async function GET(_request: Request, { params }: { params: Promise<{ scope: string }> }) {
  const postId = parseId((await params).scope);
  const post = postId === null ? null : await getFeedPost(postId);
  if (!post) return notFoundResponse();
  const comments = await getFeedComments({ postId: post.id });
  const body = commentsAtom(comments, {
    title: `Comments on “${post.title}”`,
    selfPath: feedPaths.postCommentsAtom(post.id),
    alternatePath: post.path,
  });
  return xmlResponse(body, ATOM_TYPE);
}
