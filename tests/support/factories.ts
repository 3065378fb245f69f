import { randomUUID } from "node:crypto";
import { threadPosition, type ThreadPosition } from "@/lib/comments/tree";
import { db } from "@/lib/db";
import type { PostWrite } from "@/lib/data/admin-posts";
import { Prisma } from "@/lib/generated/prisma/client";

/** Test data factories: every test makes the rows it needs, with unique slugs/emails. */
export function uniqueSlug(prefix = "post"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createPost(overrides: Partial<Parameters<typeof db.post.create>[0]["data"]> = {}) {
  return db.post.create({
    data: {
      slug: uniqueSlug(),
      title: "A test post",
      bodyMarkdown: "Some text.",
      status: "published",
      publishedAt: new Date("2024-06-19T06:00:00Z"),
      ...overrides,
    },
    select: { id: true, slug: true, publishedAt: true },
  });
}

/** What the post editor saves: a published post with a fresh slug, unless told otherwise. */
export function postWrite(overrides: Partial<PostWrite> = {}): PostWrite {
  return {
    slug: uniqueSlug(),
    title: "A test post",
    standfirst: null,
    byline: null,
    sourceName: null,
    coverImageUrl: null,
    coverImageAlt: null,
    coverImageCaption: null,
    bodyMarkdown: "Text.",
    status: "published",
    publishedAt: new Date(),
    commentsEnabled: true,
    labels: [],
    ...overrides,
  };
}

export async function createUser(overrides: Partial<Parameters<typeof db.user.create>[0]["data"]> = {}) {
  return db.user.create({
    data: { email: `${randomUUID()}@example.test`, name: "Test User", ...overrides },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      trustedAt: true,
      emailVerifiedAt: true,
    },
  });
}

/**
 * Inserts comments in order, so ids follow the list (a parent always has a lower id);
 * each spec names its parent by index into the list. Thousands of rows take one INSERT
 * batch plus one UPDATE per 5,000 replies, so tests can build big threads quickly.
 */
export async function createComments(
  postId: number,
  specs: { parent?: number; body?: string; authorId?: string }[],
) {
  if (specs.length === 0) return [];
  const inserted = await db.comment.createManyAndReturn({
    data: specs.map((spec, index) => ({
      postId,
      authorId: spec.authorId ?? null,
      authorName: "Tester",
      body: spec.body ?? `Comment ${index}`,
      createdAt: new Date(Date.UTC(2024, 5, 19, 0, 0, index)),
    })),
    select: { id: true },
  });
  const created = inserted.map((row) => row.id).sort((a, b) => a - b);

  const positions: ({ id: number } & ThreadPosition)[] = [];
  const replies: Prisma.Sql[] = [];
  for (const [index, spec] of specs.entries()) {
    if (spec.parent !== undefined && !(spec.parent >= 0 && spec.parent < index))
      throw new Error(`Comment ${index}: parent must be an earlier index`);
    const parent = spec.parent === undefined ? null : positions[spec.parent];
    const position = { id: created[index], ...threadPosition(parent) };
    positions.push(position);
    if (parent)
      // Typed, or PostgreSQL reads untyped parameters in VALUES as text.
      replies.push(
        Prisma.sql`(CAST(${position.id} AS INTEGER), CAST(${parent.id} AS INTEGER), CAST(${position.rootId} AS INTEGER), CAST(${position.depth} AS INTEGER))`,
      );
  }
  for (let start = 0; start < replies.length; start += 5000) {
    await db.$executeRaw`
      UPDATE "Comment" SET "parentId" = "v"."column2", "rootId" = "v"."column3", "depth" = "v"."column4"
      FROM (VALUES ${Prisma.join(replies.slice(start, start + 5000))}) AS "v"
      WHERE "Comment"."id" = "v"."column1"`;
  }
  return created;
}
