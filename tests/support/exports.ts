import { createWriteStream, mkdtempSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { toText } from "hast-util-to-text";
import type { DbClient } from "@/lib/db/client";
import type { ExportFormat } from "@/lib/export/options";
import { exportBlog } from "@/lib/export/run";
import { sanitizedMarkdownTree } from "@/lib/markdown/pipeline";

export const SITE = "https://blog.example";
export const EXPORTED_AT = new Date("2026-12-01T00:00:00Z");

/** Writes an export to a fresh temporary file, as `npm run export > file` does; returns its path. */
export async function exportToFile(db: DbClient, format: ExportFormat, withEmails = false): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "commonplace-export-")), `blog.${format}`);
  const out = createWriteStream(file);
  for await (const chunk of exportBlog(db, format, { site: SITE, withEmails, now: EXPORTED_AT }))
    if (!out.write(chunk)) await once(out, "drain");
  out.end();
  await once(out, "finish");
  return file;
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** What a reader sees of a Markdown body: its text, whitespace collapsed (formats that carry HTML rewrite the Markdown). */
function readerText(markdown: string): string {
  return squash(toText(sanitizedMarkdownTree(markdown) as Parameters<typeof toText>[0]));
}

/**
 * The blog as a reader and a moderator know it, independent of ids and of how a format
 * spells Markdown: posts by title with status, date, labels, text, and each comment's
 * author, time, depth, parent (by its time), state and text (removed ones by who removed
 * them only: the WXR and Blogger exports never carry removed words).
 */
export async function blogShape(db: DbClient, { draftSlugs = true } = {}) {
  const posts = await db.post.findMany({
    orderBy: { title: "asc" },
    select: {
      title: true,
      slug: true,
      status: true,
      publishedAt: true,
      bodyMarkdown: true,
      labels: { select: { name: true } },
      comments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          parentId: true,
          authorName: true,
          body: true,
          createdAt: true,
          depth: true,
          status: true,
          deletedAt: true,
          deletedReason: true,
        },
      },
    },
  });
  const pages = await db.page.findMany({
    orderBy: { slug: "asc" },
    select: { slug: true, title: true, published: true, bodyMarkdown: true },
  });
  return {
    posts: posts.map((post) => {
      const times = new Map(post.comments.map((comment) => [comment.id, comment.createdAt.toISOString()]));
      return {
        title: post.title,
        slug: post.status === "published" || draftSlugs ? post.slug : null,
        status: post.status,
        publishedAt: post.publishedAt?.toISOString() ?? null,
        labels: post.labels.map((label) => label.name).sort(),
        text: readerText(post.bodyMarkdown),
        comments: post.comments.map((comment) => ({
          author: comment.authorName,
          at: comment.createdAt.toISOString(),
          depth: comment.depth,
          parent: comment.parentId === null ? null : times.get(comment.parentId),
          status: comment.status,
          removed: comment.deletedAt ? comment.deletedReason : null,
          text: comment.deletedAt ? null : squash(comment.body),
        })),
      };
    }),
    pages: pages.map((page) => ({ ...page, bodyMarkdown: readerText(page.bodyMarkdown) })),
  };
}
