import "server-only";
import { db } from "@/lib/db";
import { commentHref } from "@/lib/comments/paths";
import { postPath } from "@/lib/posts/paths";
import { asReadable, readableNow, readableNowSql } from "@/lib/posts/readable";
import { publishedCommentSql } from "@/lib/data/published-sql";
import { Prisma } from "@/lib/generated/prisma/client";

export type FeedPost = {
  id: number;
  title: string;
  path: string;
  byline: string | null;
  standfirst: string | null;
  bodyMarkdown: string;
  publishedAt: Date;
  updatedAt: Date;
  labels: string[];
};

export type FeedComment = {
  id: number;
  authorName: string;
  body: string;
  createdAt: Date;
  /** The last edit, or createdAt: a feed reader shows the current text. */
  updatedAt: Date;
  path: string;
  postTitle: string;
};

/** The newest readable posts for the posts feeds. */
export async function getFeedPosts(limit = 25): Promise<FeedPost[]> {
  const rows = await db.post.findMany({
    where: readableNow(),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      slug: true,
      title: true,
      byline: true,
      standfirst: true,
      bodyMarkdown: true,
      publishedAt: true,
      updatedAt: true,
      labels: { select: { name: true }, orderBy: { name: "asc" } },
    },
  });
  return rows.map(asReadable).map((row) => ({
    id: row.id,
    title: row.title,
    path: postPath(row),
    byline: row.byline,
    standfirst: row.standfirst,
    bodyMarkdown: row.bodyMarkdown,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    labels: row.labels.map((label) => label.name),
  }));
}

/** A readable post's title and path, for its comments feed; null if it is not readable. */
export async function getFeedPost(
  postId: number,
): Promise<{ id: number; title: string; path: string } | null> {
  const row = await db.post.findFirst({
    where: { id: postId, ...readableNow() },
    select: { id: true, slug: true, title: true, publishedAt: true },
  });
  return row ? { id: row.id, title: row.title, path: postPath(asReadable(row)) } : null;
}

/**
 * The newest comments of the whole blog or of one post. Deleted and held comments are left out
 * altogether (not even a tombstone), and comments on unreadable posts never appear.
 */
export async function getFeedComments({
  postId,
  limit = 50,
}: { postId?: number; limit?: number } = {}): Promise<FeedComment[]> {
  const rows = await db.$queryRaw<FeedCommentRow[]>(feedCommentsSql(postId, limit));
  return rows.map((row) => ({
    id: Number(row.id),
    authorName: row.authorName,
    body: row.body,
    createdAt: row.createdAt,
    updatedAt: row.editedAt ?? row.createdAt,
    path: commentHref(postPath(asReadable(row)), Number(row.id)),
    postTitle: row.title,
  }));
}

/**
 * The feed's query. SQL, so the newest comments are read from the createdAt index (or the
 * post's) and reading stops at `limit`: see publishedCommentSql for what SQLite did
 * otherwise. CROSS JOIN tells SQLite to read the comments first (it keeps the tables'
 * order for it); PostgreSQL reads it as the inner join it is.
 */
export function feedCommentsSql(postId: number | undefined, limit: number): Prisma.Sql {
  const onePost = postId === undefined ? Prisma.empty : Prisma.sql`AND "c"."postId" = ${postId}`;
  return Prisma.sql`
    SELECT "c"."id", "c"."authorName", "c"."body", "c"."createdAt", "c"."editedAt",
      "p"."slug", "p"."title", "p"."publishedAt"
    FROM "Comment" AS "c" CROSS JOIN "Post" AS "p"
    WHERE "p"."id" = "c"."postId" AND "c"."deletedAt" IS NULL AND "c"."hiddenAt" IS NULL AND ${publishedCommentSql("c")} ${onePost}
      AND ${readableNowSql("p")}
    ORDER BY "c"."createdAt" DESC, "c"."id" DESC
    LIMIT ${limit}`;
}

type FeedCommentRow = {
  id: number;
  authorName: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  slug: string;
  title: string;
  publishedAt: Date;
};
