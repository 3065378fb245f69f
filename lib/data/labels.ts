import "server-only";
import { db } from "@/lib/db";

export type LabelCount = { name: string; slug: string; postCount: number };

const readableNow = () => ({ status: "published", publishedAt: { lte: new Date() } });

/** The sidebar's label list: labels with at least one readable post, by name. */
export async function getLabelsWithCounts(): Promise<LabelCount[]> {
  const rows = await db.label.findMany({
    orderBy: { name: "asc" },
    select: { name: true, slug: true, _count: { select: { posts: { where: readableNow() } } } },
  });
  return rows
    .map((row) => ({ name: row.name, slug: row.slug, postCount: row._count.posts }))
    .filter((label) => label.postCount > 0);
}

export async function getLabelBySlug(slug: string): Promise<{ name: string; slug: string } | null> {
  return db.label.findUnique({ where: { slug }, select: { name: true, slug: true } });
}
