import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { isUniqueViolation } from "@/lib/data/errors";
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
 * "World" and "world" are one label (the first spelling wins). A save that loses the
 * race to create a label (its insert meets the unique slug or name) reads back the
 * winner's, as it does a label whose name was once given another slug.
 */
export async function ensureLabelIds(names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    ids.push((await labelId({ slug })) ?? (await createLabel(name, slug)));
  }
  return ids;
}

async function labelId(where: { slug: string } | { name: string }): Promise<number | null> {
  return (await db.label.findUnique({ where, select: { id: true } }))?.id ?? null;
}

async function createLabel(name: string, slug: string): Promise<number> {
  try {
    const label = await retryOnConflict(() =>
      db.label.create({ data: { name, slug }, select: { id: true } }),
    );
    return label.id;
  } catch (error) {
    const existing = isUniqueViolation(error)
      ? ((await labelId({ slug })) ?? (await labelId({ name })))
      : null;
    if (existing === null) throw error;
    return existing;
  }
}
