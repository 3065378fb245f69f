import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** The demo content as data files (seeds/demo), validated before anything is written. */
const DEMO_DIR = path.join(process.cwd(), "seeds", "demo");

/**
 * The demo post is a Blogger export (seeds/demo/blog.xml) that the seed imports; post.json
 * names it and holds what a Blogger export cannot say (standfirst, source, cover image,
 * the counts), applied once the import has created the post.
 */
const PostFileSchema = z.object({
  exportFile: z.string(),
  /** The post's id in the export: the seed recognises an earlier import of it by this. */
  sourceId: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  standfirst: z.string(),
  sourceName: z.string(),
  coverImageUrl: z.string().startsWith("/"),
  coverImageAlt: z.string(),
  coverImageCaption: z.string(),
  shareCount: z.number().int().min(0),
  viewCount: z.number().int().min(0),
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

export type DemoPost = z.output<typeof PostFileSchema> & { exportPath: string };

export function loadDemoPost(): DemoPost {
  const post = PostFileSchema.parse(JSON.parse(readDemoFile("post.json")));
  return { ...post, exportPath: path.join(DEMO_DIR, post.exportFile) };
}

export function loadDemoPages() {
  return PagesFileSchema.parse(JSON.parse(readDemoFile("pages.json"))).map((page) => ({
    ...page,
    bodyMarkdown: readDemoFile(page.bodyFile),
  }));
}
