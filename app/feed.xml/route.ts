import { getFeedPosts } from "@/lib/data/feeds";
import { feedPaths } from "@/lib/feeds/paths";
import { RSS_TYPE, xmlResponse } from "@/lib/feeds/response";
import { postsRss } from "@/lib/feeds/rss";

export const dynamic = "force-dynamic";

/** RSS 2.0 at the URL many feed readers try first. */
export async function GET() {
  return xmlResponse(postsRss(await getFeedPosts(), feedPaths.postsRssAlias), RSS_TYPE);
}
