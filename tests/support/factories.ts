import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

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

export async function createUser(overrides: Partial<Parameters<typeof db.user.create>[0]["data"]> = {}) {
  return db.user.create({
    data: { email: `${randomUUID()}@example.test`, name: "Test User", ...overrides },
    select: { id: true, email: true, name: true, role: true },
  });
}

/** Inserts comments in order; each spec names its parent by index into the list. */
export async function createComments(postId: number, specs: { parent?: number; body?: string; authorId?: string }[]) {
  const created: number[] = [];
  for (const [index, spec] of specs.entries()) {
    const row = await db.comment.create({
      data: {
        postId,
        parentId: spec.parent === undefined ? null : created[spec.parent],
        authorId: spec.authorId ?? null,
        authorName: "Tester",
        body: spec.body ?? `Comment ${index}`,
        createdAt: new Date(Date.UTC(2024, 5, 19, 0, 0, index)),
      },
      select: { id: true },
    });
    created.push(row.id);
  }
  return created;
}
