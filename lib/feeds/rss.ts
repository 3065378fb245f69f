import { config } from "@/lib/config";
import type { FeedPost } from "@/lib/data/feeds";
import { tagUri } from "./atom";
import { postBodyHtml } from "./post-html";
import { el, renderXml } from "./xml";

const absolute = (path: string) => `${config.siteUrl}${path}`;

/** RSS 2.0 for readers that want it; Atom (lib/feeds/atom.ts) is the primary feed. */
export function postsRss(posts: FeedPost[], selfPath: string): string {
  return renderXml(
    el(
      "rss",
      { version: "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom" },
      el(
        "channel",
        {},
        el("title", {}, config.title),
        el("link", {}, absolute("/")),
        el("description", {}, config.description),
        el("language", {}, config.locale),
        el("generator", {}, "Commonplace"),
        el("atom:link", { rel: "self", type: "application/rss+xml", href: absolute(selfPath) }),
        posts[0] && el("lastBuildDate", {}, posts[0].publishedAt.toUTCString()),
        posts.map((post) =>
          el(
            "item",
            {},
            el("title", {}, post.title),
            el("link", {}, absolute(post.path)),
            el("guid", { isPermaLink: "false" }, tagUri("post", post.id)),
            el("pubDate", {}, post.publishedAt.toUTCString()),
            post.byline && el("dc:creator", { "xmlns:dc": "http://purl.org/dc/elements/1.1/" }, post.byline),
            post.labels.map((label) => el("category", {}, label)),
            el("description", {}, postBodyHtml(post.bodyMarkdown, config.siteUrl)),
          ),
        ),
      ),
    ),
  );
}
