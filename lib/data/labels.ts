import "server-only";
import { db } from "@/lib/db";
import { readableNow } from "@/lib/posts/readable";
import { slugify } from "@/lib/text/slugify";

export type LabelCount = { name: string; slug: string; postCount: number };

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

/**
 * Label ids for these names, creating the missing ones. Labels are matched by slug, so
 * "World" and "world" are one label (the first spelling wins). A concurrent insert of
 * the same label loses the race quietly and is read back.
 */
export async function ensureLabelIds(names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    const existing = await db.label.findUnique({ where: { slug }, select: { id: true } });
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const byName = await db.label.upsert({
      where: { name },
      create: { name, slug },
      update: {},
      select: { id: true },
    });
    ids.push(byName.id);
  }
  return ids;
}
