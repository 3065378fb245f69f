import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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

// Identifiers come from this constant map only, never from input.
const COUNTERS = {
  view: { table: Prisma.raw('"PostView"'), column: Prisma.raw('"viewCount"'), field: "viewCount" },
  share: { table: Prisma.raw('"PostShare"'), column: Prisma.raw('"shareCount"'), field: "shareCount" },
} as const;

export function recordPostView(postId: number, visitor: Visitor | null): Promise<CountResult | null> {
  return recordOncePerVisitor("view", postId, visitor);
}

export function recordPostShare(postId: number, visitor: Visitor | null): Promise<CountResult | null> {
  return recordOncePerVisitor("share", postId, visitor);
}

async function recordOncePerVisitor(kind: keyof typeof COUNTERS, postId: number, visitor: Visitor | null): Promise<CountResult | null> {
  const { table, column, field } = COUNTERS[kind];
  let inserted = 0;
  if (visitor) {
    inserted = await db.$executeRaw`
      INSERT INTO ${table} ("postId", "day", "visitorHash")
      SELECT "id", ${visitor.day}, ${visitor.hash} FROM "Post"
      WHERE "id" = ${postId} AND "status" = 'published' AND "publishedAt" <= ${new Date()}
      ON CONFLICT DO NOTHING`;
  }
  if (inserted === 1) {
    const [row] = await db.$queryRaw<{ count: number }[]>`
      UPDATE "Post" SET ${column} = ${column} + 1 WHERE "id" = ${postId} RETURNING ${column} AS count`;
    return { count: Number(row.count), counted: true };
  }
  const post = await readablePost(postId);
  return post ? { count: post[field], counted: false } : null;
}

function readablePost(postId: number) {
  return db.post.findFirst({
    where: { id: postId, status: "published", publishedAt: { lte: new Date() } },
    select: { viewCount: true, shareCount: true },
  });
}
