import "server-only";
import { db } from "@/lib/db";
import { postPath } from "@/lib/posts/paths";
import { asReadable, readableNow } from "@/lib/posts/readable";

export type SitemapEntry = { path: string; lastModified: Date };

/** Every readable post and published page, for sitemap.xml. Listings are left to crawling. */
export async function getSitemapEntries(): Promise<SitemapEntry[]> {
  const [posts, pages] = await Promise.all([
    db.post.findMany({
      where: readableNow(),
      orderBy: { publishedAt: "desc" },
      // Sitemaps cap at 50,000 URLs; beyond that a sitemap index would be needed.
      take: 45_000,
      select: { slug: true, publishedAt: true, updatedAt: true },
    }),
    db.page.findMany({
      where: { published: true },
      orderBy: { navOrder: "asc" },
      select: { slug: true, updatedAt: true },
    }),
  ]);
  return [
    ...posts.map(asReadable).map((post) => ({
      path: postPath(post),
      lastModified: post.updatedAt > post.publishedAt ? post.updatedAt : post.publishedAt,
    })),
    ...pages.map((page) => ({ path: `/p/${page.slug}`, lastModified: page.updatedAt })),
  ];
}
