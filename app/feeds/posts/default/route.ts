import { getFeedPosts } from "@/lib/data/feeds";
import { postsAtom } from "@/lib/feeds/atom";
import { feedPaths } from "@/lib/feeds/paths";
import { ATOM_TYPE, RSS_TYPE, xmlResponse } from "@/lib/feeds/response";
import { postsRss } from "@/lib/feeds/rss";

export const dynamic = "force-dynamic";

/** Blogger's posts feed URL: Atom, or RSS 2.0 with ?alt=rss as on Blogger. */
export async function GET(request: Request) {
  const alt = new URL(request.url).searchParams.get("alt");
  const posts = await getFeedPosts();
  if (alt === "rss") return xmlResponse(postsRss(posts, feedPaths.postsRss), RSS_TYPE);
  return xmlResponse(postsAtom(posts, feedPaths.postsAtom), ATOM_TYPE);
}
