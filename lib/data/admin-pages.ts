import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/data/errors";

export type AdminPageRow = {
  id: number;
  slug: string;
  title: string;
  navOrder: number;
  published: boolean;
  updatedAt: Date;
};
export type AdminPageDetail = {
  id: number;
  slug: string;
  title: string;
  bodyMarkdown: string;
  navOrder: number;
  published: boolean;
  updatedAt: Date;
};
export type PageWrite = {
  slug: string;
  title: string;
  bodyMarkdown: string;
  navOrder: number;
  published: boolean;
};
export type SavePageResult = { ok: true; id: number } | { ok: false; reason: "slug-taken" | "not-found" };

export async function listAdminPages(): Promise<AdminPageRow[]> {
  return db.page.findMany({
    orderBy: [{ navOrder: "asc" }, { title: "asc" }],
    select: { id: true, slug: true, title: true, navOrder: true, published: true, updatedAt: true },
  });
}

export async function getAdminPage(id: number): Promise<AdminPageDetail | null> {
  return db.page.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      bodyMarkdown: true,
      navOrder: true,
      published: true,
      updatedAt: true,
    },
  });
}

function pageData(input: PageWrite) {
  return {
    slug: input.slug,
    title: input.title,
    bodyMarkdown: input.bodyMarkdown,
    navOrder: input.navOrder,
    published: input.published,
  };
}

export async function createAdminPage(input: PageWrite): Promise<SavePageResult> {
  try {
    const page = await db.page.create({ data: pageData(input), select: { id: true } });
    return { ok: true, id: page.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "slug-taken" };
    throw error;
  }
}

export async function updateAdminPage(id: number, input: PageWrite): Promise<SavePageResult> {
  try {
    const result = await db.page.updateMany({ where: { id }, data: pageData(input) });
    return result.count === 1 ? { ok: true, id } : { ok: false, reason: "not-found" };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "slug-taken" };
    throw error;
  }
}
