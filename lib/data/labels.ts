import "server-only";
import { db } from "@/lib/db";
import { slugify } from "@/lib/text/slugify";

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
    const byName = await db.label.upsert({ where: { name }, create: { name, slug }, update: {}, select: { id: true } });
    ids.push(byName.id);
  }
  return ids;
}
