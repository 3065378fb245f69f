import { threadPosition } from "@/lib/comments/tree";
import type { DbClient } from "@/lib/db/client";

export const AUTHOR_NAME = "Hana Author";

/**
 * A small blog with everything an export must carry: labels (one unused), a published
 * post with a kept old address, counts and a thread 5 deep holding a comment removed by
 * its author (with replies), one removed by a moderator, a held one, an edited one, an
 * account's comment and an anonymous one; a draft; a published and an unpublished page.
 * Unicode throughout (Chinese, emoji, right-to-left) and Markdown with a table and a link.
 */
export async function buildSampleBlog(db: DbClient) {
  const author = await db.user.create({
    data: {
      email: "hana@example.test",
      name: AUTHOR_NAME,
      role: "admin",
      passwordHash: "$argon2id$secret-hash",
    },
    select: { id: true },
  });
  const commenter = await db.user.create({
    data: { email: "kenji@example.test", name: "Kenji", passwordHash: "$argon2id$other-hash" },
    select: { id: true },
  });
  await db.label.create({ data: { name: "Unused label", slug: "unused-label" } });
  const post = await db.post.create({
    data: {
      slug: "laksa-properly",
      title: "Laksa, properly 叻沙 😋",
      standfirst: "A broth worth the morning.",
      byline: "Hana",
      sourceName: "Kitchen Diaries",
      coverImageUrl: "/images/laksa.svg",
      coverImageAlt: "A bowl",
      coverImageCaption: "Breakfast (مرحبا)",
      bodyMarkdown:
        "## Broth\n\nStart with [tamarind](https://example.org/tamarind). مرحبا 😋\n\n| Fish | Herb |\n| --- | --- |\n| Mackerel | Torch ginger |\n\n- one\n- two\n",
      status: "published",
      publishedAt: new Date("2024-05-02T10:00:00Z"),
      createdAt: new Date("2024-05-01T09:00:00Z"),
      viewCount: 1234,
      shareCount: 56,
      commentsEnabled: true,
      authorId: author.id,
      labels: {
        create: [
          { name: "Recipes", slug: "recipes" },
          { name: "中文", slug: "中文" },
        ],
      },
      redirects: { create: [{ path: "/2023/01/old-laksa" }] },
    },
    select: { id: true },
  });
  type Spec = {
    parent?: number;
    name?: string;
    body: string;
    authorId?: string;
    deleted?: "author" | "moderator";
    note?: string;
    held?: boolean;
    edited?: boolean;
  };
  const specs: Spec[] = [
    { name: "Kenji", body: "Which fish? 🐟", authorId: commenter.id }, // 0
    { parent: 0, name: AUTHOR_NAME, body: "Mackerel.\n\nAlways mackerel.", authorId: author.id }, // 1
    { parent: 1, name: "Li", body: "我同意 — agreed", deleted: "author" }, // 2 removed by its author
    { parent: 2, name: "Anonymous", body: "Replying to the removed one" }, // 3
    { parent: 3, name: "שרה", body: "עמוק מאוד (four deep)", edited: true }, // 4
    { name: "Spammer", body: "buy now", deleted: "moderator", note: "Spam." }, // 5
    { parent: 5, name: "Kenji", body: "A reply to spam" }, // 6
    { name: "New person", body: "Held for review <b>not bold</b>", held: true }, // 7
  ];
  const placed: { id: number; rootId: number | null; depth: number }[] = [];
  for (const [index, spec] of specs.entries()) {
    const parent = spec.parent === undefined ? null : placed[spec.parent];
    const position = threadPosition(parent);
    const createdAt = new Date(Date.UTC(2024, 4, 3, 8, index));
    const row = await db.comment.create({
      data: {
        postId: post.id,
        parentId: parent?.id ?? null,
        rootId: position.rootId,
        depth: position.depth,
        authorId: spec.authorId ?? null,
        authorName: spec.name ?? "Anonymous",
        body: spec.body,
        createdAt,
        editedAt: spec.edited ? new Date(createdAt.getTime() + 60_000) : null,
        deletedAt: spec.deleted ? new Date(createdAt.getTime() + 120_000) : null,
        deletedReason: spec.deleted ?? null,
        deletedById: spec.deleted === "moderator" ? author.id : spec.deleted ? spec.authorId : null,
        deletionNote: spec.note ?? null,
        status: spec.held ? "held" : "published",
        heldReasons: spec.held ? JSON.stringify(["links", "new-account"]) : null,
      },
      select: { id: true },
    });
    placed.push({ id: row.id, ...position });
  }
  await db.post.create({
    data: {
      slug: "kuih-someday",
      title: "Kuih, someday",
      bodyMarkdown: "Notes to self.",
      status: "draft",
      createdAt: new Date("2024-06-01T10:00:00Z"),
      authorId: author.id,
    },
  });
  await db.page.create({
    data: {
      slug: "about",
      title: "About",
      bodyMarkdown: "Who **cooks** here.",
      navOrder: 1,
      published: true,
    },
  });
  await db.page.create({
    data: { slug: "soon", title: "Soon", bodyMarkdown: "Not yet.", navOrder: 2, published: false },
  });
  return { postId: post.id, commentCount: specs.length };
}

/** The account imports run --as in the target database: the same display name as the source's author. */
export async function createImporter(db: DbClient) {
  return db.user.create({
    data: { email: "importer@example.test", name: AUTHOR_NAME, role: "admin" },
    select: { id: true },
  });
}
