import type { DbClient } from "@/lib/db/client";
import { postBodyHtml } from "@/lib/feeds/post-html";
import type { ExportOptions } from "@/lib/export/options";
import { readComments, readLabels, readPages, readPosts, type ExportComment } from "@/lib/export/read";
import { cdata, escapeHtml, removedSentence, xmlAttr, xmlText } from "@/lib/export/xml";
import { postPath } from "@/lib/posts/paths";
import { config } from "@/lib/config";
import { REMOVED_META } from "@/lib/export/wxr-meta";

const NAMESPACES = [
  'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:wfw="http://wellformedweb.org/CommentAPI/"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:wp="http://wordpress.org/export/1.2/"',
].join(" ");

/** "2024-06-19 02:00:00" in UTC, as WordPress writes its _gmt fields. */
function wpDate(date: Date | null): string {
  return date ? date.toISOString().slice(0, 19).replace("T", " ") : "0000-00-00 00:00:00";
}

/** What WordPress writes as an undated draft's pubDate (its zero date, 0000-00-00, in RFC 822). */
const UNDATED = "Mon, 30 Nov -0001 00:00:00 +0000";

const tag = (name: string, value: string | number) => `<${name}>${value}</${name}>`;
const wrapped = (name: string, value: string) => `<${name}>${cdata(value)}</${name}>`;

/**
 * The whole blog as WordPress eXtended RSS 1.2 (Tools → Import → WordPress): posts and
 * pages as items (pages numbered after the posts: WordPress keeps both in one table),
 * bodies as HTML rendered from the Markdown through the reader pages' sanitizing
 * pipeline, labels as categories, comments with comment_parent and comment_approved
 * (1 shown, 0 held, trash removed — with its reason in a comment meta and Blogger's
 * sentence for text, never the removed words).
 */
export async function* exportWxr(db: DbClient, options: ExportOptions): AsyncGenerator<string> {
  const site = options.site;
  const authors = await db.user.findMany({
    where: { posts: { some: {} } },
    orderBy: { createdAt: "asc" },
    select: { name: true, email: true },
  });
  const labels = await readLabels(db);
  const lastPost = await db.post.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const pageOffset = lastPost?.id ?? 0;

  yield `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" ${NAMESPACES}>\n<channel>\n`;
  yield [
    tag("title", xmlText(config.title)),
    tag("link", xmlText(site)),
    tag("description", xmlText(config.description)),
    tag("pubDate", (options.now ?? new Date()).toUTCString()),
    tag("language", xmlText(config.locale)),
    tag("wp:wxr_version", "1.2"),
    tag("wp:base_site_url", xmlText(site)),
    tag("wp:base_blog_url", xmlText(site)),
    "",
  ].join("\n");
  let authorNumber = 0;
  const seenAuthors = new Set<string>();
  for (const author of authors) {
    if (seenAuthors.has(author.name)) continue;
    seenAuthors.add(author.name);
    yield `<wp:author>${tag("wp:author_id", ++authorNumber)}${wrapped("wp:author_login", author.name)}${wrapped(
      "wp:author_email",
      options.withEmails ? author.email : "",
    )}${wrapped("wp:author_display_name", author.name)}</wp:author>\n`;
  }
  let term = 0;
  for (const label of labels)
    yield `<wp:category>${tag("wp:term_id", ++term)}${tag("wp:category_nicename", xmlText(label.slug))}<wp:category_parent></wp:category_parent>${wrapped("wp:cat_name", label.name)}</wp:category>\n`;

  for await (const post of readPosts(db)) {
    const link = post.publishedAt
      ? `${site}${postPath({ slug: post.slug, publishedAt: post.publishedAt })}`
      : `${site}/?p=${post.id}`;
    const published = post.status === "published";
    yield "<item>\n";
    yield [
      tag("title", xmlText(post.title)),
      tag("link", xmlText(link)),
      tag("pubDate", post.publishedAt && published ? post.publishedAt.toUTCString() : UNDATED),
      wrapped("dc:creator", post.author?.name ?? post.byline ?? ""),
      `<guid isPermaLink="false">${xmlText(`${site}/?p=${post.id}`)}</guid>`,
      "<description></description>",
      wrapped("content:encoded", postBodyHtml(post.bodyMarkdown, site)),
      wrapped("excerpt:encoded", post.standfirst ?? ""),
      tag("wp:post_id", post.id),
      // A draft has no date yet: WordPress writes zeros and dates it when it is published.
      wrapped("wp:post_date", published ? wpDate(post.publishedAt) : wpDate(null)),
      wrapped("wp:post_date_gmt", published ? wpDate(post.publishedAt) : wpDate(null)),
      wrapped("wp:comment_status", post.commentsEnabled ? "open" : "closed"),
      wrapped("wp:ping_status", "closed"),
      wrapped("wp:post_name", post.slug),
      wrapped("wp:status", published ? "publish" : "draft"),
      tag("wp:post_parent", 0),
      tag("wp:menu_order", 0),
      wrapped("wp:post_type", "post"),
      wrapped("wp:post_password", ""),
      tag("wp:is_sticky", 0),
      ...post.labels.map(
        (label) =>
          `<category domain="category" nicename="${xmlAttr(label.slug)}">${cdata(label.name)}</category>`,
      ),
      "",
    ].join("\n");
    for await (const comment of readComments(db, post.id)) yield wxrComment(comment, options);
    yield "</item>\n";
  }
  for await (const page of readPages(db)) {
    const id = pageOffset + page.id;
    yield "<item>\n";
    yield [
      tag("title", xmlText(page.title)),
      tag("link", xmlText(`${site}/p/${page.slug}`)),
      tag("pubDate", page.published ? page.createdAt.toUTCString() : UNDATED),
      wrapped("dc:creator", ""),
      `<guid isPermaLink="false">${xmlText(`${site}/p/${page.slug}`)}</guid>`,
      "<description></description>",
      wrapped("content:encoded", postBodyHtml(page.bodyMarkdown, site)),
      wrapped("excerpt:encoded", ""),
      tag("wp:post_id", id),
      wrapped("wp:post_date", page.published ? wpDate(page.createdAt) : wpDate(null)),
      wrapped("wp:post_date_gmt", page.published ? wpDate(page.createdAt) : wpDate(null)),
      wrapped("wp:comment_status", "closed"),
      wrapped("wp:ping_status", "closed"),
      wrapped("wp:post_name", page.slug),
      wrapped("wp:status", page.published ? "publish" : "draft"),
      tag("wp:post_parent", 0),
      tag("wp:menu_order", page.navOrder),
      wrapped("wp:post_type", "page"),
      wrapped("wp:post_password", ""),
      tag("wp:is_sticky", 0),
      "</item>",
      "",
    ].join("\n");
  }
  yield "</channel>\n</rss>\n";
}

function wxrComment(comment: ExportComment, options: ExportOptions): string {
  const removed = comment.deletedAt !== null;
  const approved = removed ? "trash" : comment.status === "held" ? "0" : "1";
  // WordPress keeps comment text with blank lines between paragraphs (wpautop adds the tags).
  const content = removed ? removedSentence(comment.deletedReason) : escapeHtml(comment.body);
  return [
    "<wp:comment>",
    tag("wp:comment_id", comment.id),
    wrapped("wp:comment_author", comment.authorName),
    wrapped("wp:comment_author_email", options.withEmails ? (comment.author?.email ?? "") : ""),
    wrapped("wp:comment_author_url", ""),
    wrapped("wp:comment_author_IP", ""),
    wrapped("wp:comment_date", wpDate(comment.createdAt)),
    wrapped("wp:comment_date_gmt", wpDate(comment.createdAt)),
    wrapped("wp:comment_content", content),
    wrapped("wp:comment_approved", approved),
    wrapped("wp:comment_type", "comment"),
    tag("wp:comment_parent", comment.parentId ?? 0),
    tag("wp:comment_user_id", 0),
    ...(removed
      ? [
          `<wp:commentmeta>${wrapped("wp:meta_key", REMOVED_META)}${wrapped(
            "wp:meta_value",
            comment.deletedReason === "author" ? "author" : "moderator",
          )}</wp:commentmeta>`,
        ]
      : []),
    "</wp:comment>",
    "",
  ].join("\n");
}
