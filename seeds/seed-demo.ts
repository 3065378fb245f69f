/**
 * Idempotent demo seed: run it any number of times and the blog has the demo post, its
 * labels, its 10-comment thread and the About page. It only inserts what is missing: a
 * post or page that already exists (the demo one, perhaps edited since by the operator)
 * is never rewritten, and its thread never touched.
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
  const existing = await db.post.findUnique({ where: { slug: demo.slug }, select: { id: true } });
  if (existing) {
    log(`Seed: "${demo.slug}" exists; left as is.`);
    return existing;
  }
  const post = await db.post.create({
    data: {
      slug: demo.slug,
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
      viewCount: demo.viewCount,
      shareCount: demo.shareCount,
      labels: { connectOrCreate: labels },
    },
    select: { id: true },
  });

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
    // An empty update: insert if missing, never overwrite the operator's edits.
    await db.page.upsert({ where: { slug: page.slug }, create: { slug: page.slug, ...fields }, update: {} });
  }
}

/** Seeds the demo post, its thread and the static pages; safe to run repeatedly. */
export async function seedDemo(db: DbClient): Promise<void> {
  await seedPost(db);
  await seedPages(db);
  await seedModerator(db, log);
}
