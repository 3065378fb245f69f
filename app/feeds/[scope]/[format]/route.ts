import { config } from "@/lib/config";
import { getFeedComments, getFeedPosts } from "@/lib/data/feeds";
import { commentsAtom, postsAtom } from "@/lib/feeds/atom";
import { feedPaths } from "@/lib/feeds/paths";
import { ATOM_TYPE, RSS_TYPE, notFoundResponse, xmlResponse } from "@/lib/feeds/response";
import { postsRss } from "@/lib/feeds/rss";

// Cached like the reader pages: expired by lib/cache/revalidate.ts on every change.
export const revalidate = 60;

// A dynamic segment so the feeds are cached on first request rather than at build time:
// building needs no database (docs/decisions/010).
export function generateStaticParams() {
  return [];
}

type FeedParams = { params: Promise<{ scope: string; format: string }> };

/**
 * The whole-blog feeds at Blogger's URLs: /feeds/posts/default and /feeds/comments/default
 * (Atom). RSS lives at /feeds/posts/rss, where next.config.ts rewrites /feed.xml and
 * Blogger's `?alt=rss`.
 */
export async function GET(_request: Request, { params }: FeedParams) {
  const { scope, format } = await params;
  if (scope === "posts" && format === "default")
    return xmlResponse(postsAtom(await getFeedPosts(), feedPaths.postsAtom), ATOM_TYPE);
  if (scope === "posts" && format === "rss")
    return xmlResponse(postsRss(await getFeedPosts(), feedPaths.postsRssAlias), RSS_TYPE);
  if (scope === "comments" && format === "default") {
    const body = commentsAtom(await getFeedComments(), {
      title: `${config.title} - Comments`,
      selfPath: feedPaths.commentsAtom,
      alternatePath: "/",
    });
    return xmlResponse(body, ATOM_TYPE);
  }
  return notFoundResponse();
}
