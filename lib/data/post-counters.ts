import "server-only";
import { db } from "@/lib/db";
import type { Visitor } from "@/lib/visitors/visitor";

/**
 * "Total Views" and "N SHARES": at most one per visitor per post per day. The visitor
 * row is inserted with ON CONFLICT DO NOTHING and the counter moves only when that
 * insert created a row, so the check and the write are one atomic statement and 20
 * parallel requests from one visitor count once.
 *
 * The increments are atomic SQL (`n = n + 1`) rather than Prisma's `increment`, because
 * Prisma would also bump the @updatedAt column: every view would then look like an
 * edit in the feeds' <updated> and the sitemap's <lastmod>.
 */
export type CountResult = { count: number; counted: boolean };

export async function recordPostView(postId: number, visitor: Visitor | null): Promise<CountResult | null> {
  let inserted = 0;
  if (visitor) {
    inserted = await db.$executeRaw`
      INSERT INTO "PostView" ("postId", "day", "visitorHash")
      SELECT "id", ${visitor.day}, ${visitor.hash} FROM "Post"
      WHERE "id" = ${postId} AND "status" = 'published' AND "publishedAt" <= ${new Date()}
      ON CONFLICT DO NOTHING`;
  }
  if (inserted === 1) {
    const [row] = await db.$queryRaw<{ count: number }[]>`
      UPDATE "Post" SET "viewCount" = "viewCount" + 1 WHERE "id" = ${postId} RETURNING "viewCount" AS count`;
    return { count: Number(row.count), counted: true };
  }
  const post = await readablePost(postId);
  return post ? { count: post.viewCount, counted: false } : null;
}

export async function recordPostShare(postId: number, visitor: Visitor | null): Promise<CountResult | null> {
  let inserted = 0;
  if (visitor) {
    inserted = await db.$executeRaw`
      INSERT INTO "PostShare" ("postId", "day", "visitorHash")
      SELECT "id", ${visitor.day}, ${visitor.hash} FROM "Post"
      WHERE "id" = ${postId} AND "status" = 'published' AND "publishedAt" <= ${new Date()}
      ON CONFLICT DO NOTHING`;
  }
  if (inserted === 1) {
    const [row] = await db.$queryRaw<{ count: number }[]>`
      UPDATE "Post" SET "shareCount" = "shareCount" + 1 WHERE "id" = ${postId} RETURNING "shareCount" AS count`;
    return { count: Number(row.count), counted: true };
  }
  const post = await readablePost(postId);
  return post ? { count: post.shareCount, counted: false } : null;
}

function readablePost(postId: number) {
  return db.post.findFirst({
    where: { id: postId, status: "published", publishedAt: { lte: new Date() } },
    select: { viewCount: true, shareCount: true },
  });
}
