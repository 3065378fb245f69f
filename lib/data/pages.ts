import "server-only";
import { db } from "@/lib/db";

export type NavPage = { slug: string; title: string };

/** The "Pages" navigation, in the owner's chosen order. */
export async function getNavPages(): Promise<NavPage[]> {
  return db.page.findMany({
    where: { published: true },
    orderBy: [{ navOrder: "asc" }, { title: "asc" }],
    select: { slug: true, title: true },
  });
}

export async function getPageBySlug(slug: string) {
  return db.page.findFirst({
    where: { slug, published: true },
    select: { slug: true, title: true, bodyMarkdown: true, updatedAt: true },
  });
}
