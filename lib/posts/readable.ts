import { Prisma } from "@/lib/generated/prisma/client";
import { postPath } from "@/lib/posts/paths";

/**
 * The one owner of "a post is readable now": published, and its publication time has
 * come. A published post with a future date is scheduled; every other status is a draft.
 * Queries take the rule from here (Prisma where, raw SQL), code from `postState`.
 */
export type PostState = "draft" | "scheduled" | "published";

/** Prisma `where` for posts readable at `now` (spread it, or nest it under `post:`). */
export function readableNow(now = new Date()) {
  return { status: "published", publishedAt: { lte: now } } satisfies Prisma.PostWhereInput;
}

/**
 * The same rule as a raw SQL condition on the posts table (or its alias). The alias is an
 * identifier written in our code, never input, and is checked anyway.
 */
export function readableNowSql(alias = "Post", now = new Date()): Prisma.Sql {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new Error(`Invalid SQL alias ${alias}`);
  const table = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${table}."status" = 'published' AND ${table}."publishedAt" <= ${now}`;
}

/** Where a post stands for readers: a draft, scheduled for later, or published (readable). */
export function postState(post: { status: string; publishedAt: Date | null }, now = new Date()): PostState {
  if (post.status !== "published" || !post.publishedAt) return "draft";
  return post.publishedAt > now ? "scheduled" : "published";
}

/** A post row as readers may see it: its publication date is known. */
export type Readable<T extends { publishedAt: Date | null }> = Omit<T, "publishedAt"> & { publishedAt: Date };

/**
 * Narrows a row read through `readableNow()`, whose date the query already guaranteed.
 * Throws (a bug, not a reader's error) if a row that is not readable reaches it.
 */
export function asReadable<T extends { publishedAt: Date | null }>(row: T): Readable<T> {
  if (!row.publishedAt) throw new Error("A readable post without a publication date");
  return row as Readable<T>;
}

/** The post's public address when readers can reach it now; null for drafts and scheduled posts. */
export function publicPath(
  post: { slug: string; status: string; publishedAt: Date | null },
  now = new Date(),
): string | null {
  return postState(post, now) === "published" ? postPath(asReadable(post)) : null;
}
