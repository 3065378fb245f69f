import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** The demo content as data files (seeds/demo), validated before anything is written. */
const DEMO_DIR = path.join(process.cwd(), "seeds", "demo");

type SeedComment = { key: string; author: string; createdAt: Date; body: string; replies: SeedComment[] };

const CommentFileSchema: z.ZodType<SeedComment, unknown> = z.lazy(() =>
  z.object({
    key: z.string(),
    author: z.string().min(1),
    createdAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
    body: z.string(),
    replies: z.array(CommentFileSchema).default([]),
  }),
);

const PostFileSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  standfirst: z.string(),
  byline: z.string(),
  sourceName: z.string(),
  coverImageUrl: z.string().startsWith("/"),
  coverImageAlt: z.string(),
  coverImageCaption: z.string(),
  publishedAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  shareCount: z.number().int().min(0),
  viewCount: z.number().int().min(0),
  labels: z.array(z.string().min(1)),
  bodyFile: z.string(),
  commentsFile: z.string(),
});

const PagesFileSchema = z.array(
  z.object({
    slug: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    navOrder: z.number().int(),
    bodyFile: z.string(),
  }),
);

function readDemoFile(name: string): string {
  return readFileSync(path.join(DEMO_DIR, name), "utf8");
}

export type DemoPost = z.output<typeof PostFileSchema> & { bodyMarkdown: string; comments: SeedComment[] };
export type { SeedComment };

export function loadDemoPost(): DemoPost {
  const post = PostFileSchema.parse(JSON.parse(readDemoFile("post.json")));
  const comments = z.array(CommentFileSchema).parse(JSON.parse(readDemoFile(post.commentsFile)));
  return { ...post, bodyMarkdown: readDemoFile(post.bodyFile), comments };
}

export function loadDemoPages() {
  return PagesFileSchema.parse(JSON.parse(readDemoFile("pages.json"))).map((page) => ({
    ...page,
    bodyMarkdown: readDemoFile(page.bodyFile),
  }));
}
