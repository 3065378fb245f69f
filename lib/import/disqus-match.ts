import type { DbClient } from "@/lib/db/client";
import { mapLink, type DisqusThread, type UrlMapping } from "@/lib/import/disqus";
import { redirectKey, sitePath } from "@/lib/import/items";
import { postPath } from "@/lib/posts/paths";

/** A matched thread: the post here its comments go to. */
export type Target = { postId: number; publishedAt: Date };

/**
 * Finds the post each thread was about: by the thread's address (after --map), among the
 * old addresses imported posts keep as redirects (a WordPress `/?p=12`, a Blogger path
 * that moved month) and then the posts' own addresses here (`/2024/06/slug`). Disqus's
 * own identifier is tried the same way when it holds an address (WordPress's plugin
 * writes "12 https://blog.example/?p=12").
 */
export async function matchThreads(
  db: DbClient,
  threads: Map<string, DisqusThread>,
  mappings: readonly UrlMapping[],
): Promise<Map<string, Target>> {
  const targets = new Map<string, Target>();
  for (const thread of threads.values()) {
    const urls = [thread.link, ...(thread.identifier.match(/https?:\/\/\S+/g) ?? [])];
    for (const url of urls) {
      const target = await findPost(db, mapLink(url, mappings));
      if (target) {
        targets.set(thread.sourceId, target);
        break;
      }
    }
  }
  return targets;
}

async function findPost(db: DbClient, url: string): Promise<Target | null> {
  const path = url ? sitePath(url) : null;
  if (!path) return null;
  const key = redirectKey(path.replace(/#.*$/, ""));
  const redirect = await db.postRedirect.findUnique({
    where: { path: key },
    select: { post: { select: { id: true, publishedAt: true } } },
  });
  if (redirect?.post.publishedAt) return { postId: redirect.post.id, publishedAt: redirect.post.publishedAt };
  const own = /^\/\d{4}\/\d{2}\/([^/?]+)$/.exec(key);
  if (!own) return null;
  const post = await db.post.findUnique({
    where: { slug: own[1] },
    select: { id: true, slug: true, publishedAt: true },
  });
  if (!post?.publishedAt || postPath({ slug: post.slug, publishedAt: post.publishedAt }) !== key) return null;
  return { postId: post.id, publishedAt: post.publishedAt };
}
