import { config } from "@/lib/config";
import type { DbClient } from "@/lib/db/client";
import { stableId } from "@/lib/export/json";
import type { ExportOptions } from "@/lib/export/options";
import { readComments, readLabels, readPages, readPosts } from "@/lib/export/read";
import { commentTextHtml, removedSentence, xmlAttr, xmlText } from "@/lib/export/xml";
import { postBodyHtml } from "@/lib/feeds/post-html";
import { ANONYMOUS } from "@/lib/import/items";
import { postPath } from "@/lib/posts/paths";

const ATOM = "http://www.w3.org/2005/Atom";
const BLOGGER = "http://schemas.google.com/blogger/2018";

const tag = (name: string, value: string) => `<${name}>${value}</${name}>`;

/** An Atom id (an IRI) from an item's stable id: tag:commonplace,2026:post/12@https://blog.example. */
function atomId(id: string): string {
  return `tag:commonplace,2026:${id}`;
}

function author(name: string, anonymous: boolean): string {
  return `<author>${tag("name", xmlText(name))}${tag("blogger:type", anonymous ? "ANONYMOUS" : "BLOGGER")}</author>`;
}

/**
 * The whole blog as a Blogger Takeout feed (the `blogger:` 2018 namespace, what
 * Takeout → Blogger → feed.atom holds): one entry per post, page and comment; a comment
 * names its post in `blogger:parent` and the comment it answers in `blogger:inReplyTo`;
 * held comments are PENDING, removed ones DELETED with Blogger's sentence for text.
 */
export async function* exportBlogger(db: DbClient, options: ExportOptions): AsyncGenerator<string> {
  const site = options.site;
  yield `<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns='${ATOM}' xmlns:blogger='${BLOGGER}'>\n`;
  yield `${tag("id", xmlText(atomId(`blog@${site}`)))}\n${tag("title", xmlText(config.title))}\n`;
  yield `${tag("updated", (options.now ?? new Date()).toISOString())}\n`;
  const labels = new Map((await readLabels(db)).map((label) => [label.slug, label.name]));

  for await (const page of readPages(db)) {
    const { id } = stableId("page", page.id, page.origins, site);
    yield [
      "<entry>",
      tag("id", xmlText(atomId(id))),
      tag("blogger:type", "PAGE"),
      tag("blogger:status", page.published ? "LIVE" : "DRAFT"),
      author(config.title, false),
      tag("title", xmlText(page.title)),
      `<content type='html'>${xmlText(postBodyHtml(page.bodyMarkdown, site))}</content>`,
      tag("blogger:created", page.createdAt.toISOString()),
      tag("published", page.createdAt.toISOString()),
      tag("updated", page.updatedAt.toISOString()),
      tag("blogger:filename", xmlText(`/p/${page.slug}.html`)),
      `<link rel='alternate' type='text/html' href='${xmlAttr(`${site}/p/${page.slug}`)}'/>`,
      "</entry>",
      "",
    ].join("\n");
  }
  for await (const post of readPosts(db)) {
    const { id: postId } = stableId("post", post.id, post.origins, site);
    const path = post.publishedAt ? postPath({ slug: post.slug, publishedAt: post.publishedAt }) : null;
    yield [
      "<entry>",
      tag("id", xmlText(atomId(postId))),
      tag("blogger:type", "POST"),
      tag("blogger:status", post.status === "published" ? "LIVE" : "DRAFT"),
      author(post.author?.name ?? post.byline ?? config.title, false),
      tag("title", xmlText(post.title)),
      `<content type='html'>${xmlText(postBodyHtml(post.bodyMarkdown, site))}</content>`,
      // A draft has no date of publication (the importer then keeps it undated).
      ...(post.publishedAt
        ? [
            tag("blogger:created", post.createdAt.toISOString()),
            tag("published", post.publishedAt.toISOString()),
          ]
        : []),
      tag("updated", post.updatedAt.toISOString()),
      ...post.labels.map((label) => `<category term='${xmlAttr(labels.get(label.slug) ?? label.name)}'/>`),
      // Blogger's file name is the post's address with ".html"; a draft has none yet.
      ...(path
        ? [
            tag("blogger:filename", xmlText(`${path}.html`)),
            `<link rel='alternate' type='text/html' href='${xmlAttr(site + path)}'/>`,
          ]
        : []),
      "</entry>",
      "",
    ].join("\n");
    const named = new Map<number, string>();
    for await (const comment of readComments(db, post.id)) {
      const { id } = stableId("comment", comment.id, comment.origins, site);
      named.set(comment.id, id);
      const removed = comment.deletedAt !== null;
      const status = removed ? "DELETED" : comment.status === "held" ? "PENDING" : "LIVE";
      const parent = comment.parentId === null ? null : named.get(comment.parentId);
      yield [
        "<entry>",
        tag("id", xmlText(atomId(id))),
        tag("blogger:type", "COMMENT"),
        tag("blogger:status", status),
        author(comment.authorName, comment.authorName === ANONYMOUS),
        `<content type='html'>${xmlText(removed ? removedSentence(comment.deletedReason) : commentTextHtml(comment.body))}</content>`,
        tag("published", comment.createdAt.toISOString()),
        tag("blogger:parent", xmlText(atomId(postId))),
        ...(parent ? [tag("blogger:inReplyTo", xmlText(atomId(parent)))] : []),
        "</entry>",
        "",
      ].join("\n");
    }
  }
  yield "</feed>\n";
}
