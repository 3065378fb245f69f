import { config } from "@/lib/config";
import type { FeedComment, FeedPost } from "@/lib/data/feeds";
import { teaserFor } from "@/lib/text/teaser";
import { feedPaths } from "./paths";
import { postBodyHtml } from "./post-html";
import { el, renderXml } from "./xml";

const ATOM_NS = "http://www.w3.org/2005/Atom";

/** Stable ids that survive slug and date changes (RFC 4151 tag URIs). */
export function tagUri(kind: "post" | "comment" | "blog", id?: number): string {
  const host = new URL(config.siteUrl).hostname;
  return id === undefined ? `tag:${host},2024:${kind}` : `tag:${host},2024:${kind}-${id}`;
}

const absolute = (path: string) => `${config.siteUrl}${path}`;

function latest(dates: Date[]): Date {
  return dates.reduce((max, date) => (date > max ? date : max), new Date(0));
}

export function postsAtom(posts: FeedPost[], selfPath: string): string {
  const updated = posts.length > 0 ? latest(posts.map((p) => p.updatedAt)) : new Date(0);
  return renderXml(
    el(
      "feed",
      { xmlns: ATOM_NS },
      el("id", {}, tagUri("blog")),
      el("title", {}, config.title),
      el("subtitle", {}, config.description),
      el("updated", {}, updated.toISOString()),
      el("link", { rel: "self", type: "application/atom+xml", href: absolute(selfPath) }),
      el("link", { rel: "alternate", type: "text/html", href: absolute("/") }),
      el("author", {}, el("name", {}, config.title)),
      el("generator", {}, "Commonplace"),
      posts.map((post) =>
        el(
          "entry",
          {},
          el("id", {}, tagUri("post", post.id)),
          el("title", { type: "text" }, post.title),
          el("link", { rel: "alternate", type: "text/html", href: absolute(post.path) }),
          el("link", {
            rel: "replies",
            type: "application/atom+xml",
            href: absolute(feedPaths.postCommentsAtom(post.id)),
          }),
          el("published", {}, post.publishedAt.toISOString()),
          el("updated", {}, latest([post.updatedAt, post.publishedAt]).toISOString()),
          el("author", {}, el("name", {}, post.byline ?? config.title)),
          post.labels.map((label) => el("category", { term: label })),
          el("summary", { type: "text" }, teaserFor(post.standfirst, post.bodyMarkdown)),
          el("content", { type: "html" }, postBodyHtml(post.bodyMarkdown, config.siteUrl)),
        ),
      ),
    ),
  );
}

export function commentsAtom(
  comments: FeedComment[],
  { title, selfPath, alternatePath }: { title: string; selfPath: string; alternatePath: string },
): string {
  const updated = comments.length > 0 ? latest(comments.map((c) => c.updatedAt)) : new Date(0);
  return renderXml(
    el(
      "feed",
      { xmlns: ATOM_NS },
      el("id", {}, `${tagUri("blog")}:${selfPath}`),
      el("title", {}, title),
      el("updated", {}, updated.toISOString()),
      el("link", { rel: "self", type: "application/atom+xml", href: absolute(selfPath) }),
      el("link", { rel: "alternate", type: "text/html", href: absolute(alternatePath) }),
      el("author", {}, el("name", {}, config.title)),
      el("generator", {}, "Commonplace"),
      comments.map((comment) =>
        el(
          "entry",
          {},
          el("id", {}, tagUri("comment", comment.id)),
          el("title", { type: "text" }, `${comment.authorName} on “${comment.postTitle}”`),
          el("link", { rel: "alternate", type: "text/html", href: absolute(comment.path) }),
          el("published", {}, comment.createdAt.toISOString()),
          el("updated", {}, comment.updatedAt.toISOString()),
          el("author", {}, el("name", {}, comment.authorName)),
          // Comments are plain text (docs/decisions/003): sent as text, never as HTML.
          el("content", { type: "text" }, comment.body),
        ),
      ),
    ),
  );
}
