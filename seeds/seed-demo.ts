/**
 * Idempotent demo seed: run it any number of times and the blog shows exactly the demo
 * post, its labels, its 10-comment thread and the About page. Existing rows are
 * updated, never duplicated; a thread that already has comments is left alone so
 * replies written by people are never touched.
 */
import { threadPosition, type ThreadPosition } from "@/lib/comments/tree";
import type { DbClient } from "@/lib/db/client";
import { slugify } from "@/lib/text/slugify";
import { loadDemoPages, loadDemoPost, type DemoPost, type SeedComment } from "./demo-content";
import { seedModerator } from "./seed-accounts";

const log = (message: string) => {
  if (process.env.NODE_ENV !== "test") console.log(message);
};

type PostOverrides = Partial<
  Pick<DemoPost, "slug" | "title" | "standfirst" | "bodyMarkdown" | "labels" | "publishedAt">
>;

async function seedPost(db: DbClient, overrides: PostOverrides = {}): Promise<{ id: number }> {
  const demo = { ...loadDemoPost(), ...overrides };
  const labels = demo.labels.map((name) => ({
    where: { name },
    create: { name, slug: slugify(name) },
  }));
  const fields = {
    title: demo.title,
    standfirst: demo.standfirst,
    byline: demo.byline,
    sourceName: demo.sourceName,
    coverImageUrl: demo.coverImageUrl,
    coverImageAlt: demo.coverImageAlt,
    coverImageCaption: demo.coverImageCaption,
    bodyMarkdown: demo.bodyMarkdown,
    status: "published",
    publishedAt: demo.publishedAt,
  };
  const post = await db.post.upsert({
    where: { slug: demo.slug },
    create: {
      slug: demo.slug,
      ...fields,
      viewCount: demo.viewCount,
      shareCount: demo.shareCount,
      labels: { connectOrCreate: labels },
    },
    update: { ...fields, labels: { connectOrCreate: labels } },
    select: { id: true },
  });

  const existing = await db.comment.count({ where: { postId: post.id } });
  if (existing > 0) {
    log(`Seed: "${demo.title}" already has ${existing} comments; thread left as is.`);
    return post;
  }
  // Insert in thread order, so ids follow reading order and parents precede replies.
  let inserted = 0;
  const insert = async (comments: SeedComment[], parent: ({ id: number } & ThreadPosition) | null) => {
    for (const comment of comments) {
      const row = await db.comment.create({
        data: {
          postId: post.id,
          parentId: parent?.id ?? null,
          ...threadPosition(parent),
          authorName: comment.author,
          body: comment.body,
          createdAt: comment.createdAt,
        },
        select: { id: true, rootId: true, depth: true },
      });
      inserted++;
      await insert(comment.replies, row);
    }
  };
  await insert(demo.comments, null);
  log(`Seed: "${demo.title}" with ${inserted} comments.`);
  return post;
}

async function seedPages(db: DbClient): Promise<void> {
  for (const page of loadDemoPages()) {
    const fields = {
      title: page.title,
      bodyMarkdown: page.bodyMarkdown,
      navOrder: page.navOrder,
      published: true,
    };
    await db.page.upsert({
      where: { slug: page.slug },
      create: { slug: page.slug, ...fields },
      update: fields,
    });
  }
}

/** Seeds the demo post, its thread and the static pages; safe to run repeatedly. */
export async function seedDemo(db: DbClient): Promise<void> {
  await seedPost(db);
  await seedPages(db);
  await seedModerator(db, log);
}
