/**
 * Test data for the end-to-end suite, written straight into the database the e2e server
 * serves (scripts/e2e-server.mjs), through the app's own Prisma client. e2e/fixtures.ts
 * hands these to tests as fixtures; each test makes the rows it changes, with names of
 * its own, and relies on the seed's demo content only to read it.
 */
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { threadPosition, type ThreadPosition } from "../../lib/comments/tree";
import { createDbClient, type DbClient } from "../../lib/db/client";
import { e2eDatabaseUrl } from "../../scripts/lib/e2e-database.mjs";
import { commentAnchor } from "../../lib/comments/paths";
import { postPath } from "../../lib/posts/paths";

/** The database scripts/e2e-server.mjs migrates, seeds and serves (SQLite or PostgreSQL). */
export function openE2EDatabase(): DbClient {
  return createDbClient(e2eDatabaseUrl());
}

/** The roles of the schema (User.role). */
export type Role = "commenter" | "moderator" | "admin";

export type TestUser = { id: string; name: string; email: string; password: string; role: Role };

const shortId = () => randomUUID().slice(0, 8);

/** An account of its own; `name` gets a unique suffix so locators by name find only it. */
export async function createUser(
  db: DbClient,
  { role = "commenter", name = role }: { role?: Role; name?: string } = {},
): Promise<TestUser> {
  const id = shortId();
  const user = {
    name: `${name} ${id}`,
    email: `${role}-${id}@example.test`,
    password: `a long passphrase ${id}`,
    role,
  };
  // Argon2id like the app's (lib/auth/password.ts is server-only): the hash names its parameters.
  const passwordHash = await hash(user.password, { algorithm: 2 });
  const row = await db.user.create({
    data: { name: user.name, email: user.email, role, passwordHash },
    select: { id: true },
  });
  return { id: row.id, ...user };
}

export type CommentSpec = {
  body: string;
  /** A user, or a guest's name (like imported comments); "Guest <id>" by default. */
  author?: TestUser | string;
  replies?: CommentSpec[];
};

export type TestComment = { id: number; body: string; authorName: string; anchor: string };

export type TestPost = {
  id: number;
  slug: string;
  title: string;
  path: string;
  /** Every comment of `comments`, in thread (reading) order. */
  comments: TestComment[];
};

// Noon UTC on Jan 15, 2001: the same month in every plausible blog time zone, and older
// than the demo post, so home page 1, the newest archive year and the whole-blog
// comments feed still show the seeded content other tests read.
const LONG_AGO = Date.UTC(2001, 0, 15, 12);

/** A published post of its own, with a thread built from `comments` (replies nested). */
export async function createPost(
  db: DbClient,
  {
    title = `A test post ${shortId()}`,
    body = "Plain words.",
    comments = [],
  }: { title?: string; body?: string; comments?: CommentSpec[] } = {},
): Promise<TestPost> {
  const post = await db.post.create({
    data: {
      slug: `e2e-${shortId()}`,
      title,
      bodyMarkdown: body,
      status: "published",
      publishedAt: new Date(LONG_AGO),
    },
    select: { id: true, slug: true },
  });
  const created: TestComment[] = [];
  const insert = async (specs: CommentSpec[], parent: ({ id: number } & ThreadPosition) | null) => {
    for (const spec of specs) {
      const comment = await createComment(db, {
        postId: post.id,
        body: spec.body,
        author: spec.author,
        parent,
        // One second apart, in reading order.
        createdAt: new Date(LONG_AGO + 60_000 + created.length * 1000),
      });
      created.push(comment);
      await insert(spec.replies ?? [], { id: comment.id, ...threadPosition(parent) });
    }
  };
  await insert(comments, null);
  return {
    id: post.id,
    slug: post.slug,
    title,
    path: postPath({ slug: post.slug, publishedAt: new Date(LONG_AGO) }),
    comments: created,
  };
}

/** One comment, stored with its thread position as the app stores it. */
export async function createComment(
  db: DbClient,
  {
    postId,
    body,
    author = `Guest ${shortId()}`,
    parent = null,
    createdAt = new Date(LONG_AGO + 3_600_000),
  }: {
    postId: number;
    body: string;
    author?: TestUser | string;
    parent?: ({ id: number } & ThreadPosition) | null;
    createdAt?: Date;
  },
): Promise<TestComment> {
  const authorName = typeof author === "string" ? author : author.name;
  const row = await db.comment.create({
    data: {
      postId,
      body,
      authorName,
      authorId: typeof author === "string" ? null : author.id,
      parentId: parent?.id ?? null,
      ...threadPosition(parent),
      createdAt,
    },
    select: { id: true },
  });
  return { id: row.id, body, authorName, anchor: commentAnchor(row.id) };
}

/** `count` top-level comments by guests, for threads longer than a page. */
export async function createGuestComments(db: DbClient, postId: number, count: number): Promise<number[]> {
  const rows = await db.comment.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({
      postId,
      authorName: "Guest",
      body: `Long thread comment number ${i + 1}.`,
      depth: 0,
      createdAt: new Date(LONG_AGO + 60_000 + i * 1000),
    })),
    select: { id: true },
  });
  return rows.map((row) => row.id).sort((a, b) => a - b);
}
