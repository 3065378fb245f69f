import type { DbClient } from "@/lib/db/client";

/**
 * The blog read for an export, in batches by id (keyset pages, never OFFSET): memory holds
 * one batch, whatever the size of the blog, and the writer asks for the next batch only
 * when it has written the last one (async generators: the consumer sets the pace).
 */
const POST_BATCH = 100;
// Also the bound values of the origins lookup: under SQLite's limit for one statement.
const COMMENT_BATCH = 500;

type Yielded<F> = F extends (...args: never[]) => AsyncGenerator<infer T> ? T : never;

export type Origin = { source: string; sourceId: string };

/** Where each item came from (ImportedItem), by local id. */
async function originsOf(db: DbClient, kind: string, ids: number[]): Promise<Map<number, Origin[]>> {
  const found = new Map<number, Origin[]>();
  if (ids.length === 0) return found;
  const rows = await db.importedItem.findMany({
    where: { kind, localId: { in: ids } },
    orderBy: { id: "asc" },
    select: { localId: true, source: true, sourceId: true },
  });
  for (const row of rows) {
    const list = found.get(row.localId) ?? [];
    list.push({ source: row.source, sourceId: row.sourceId });
    found.set(row.localId, list);
  }
  return found;
}

export async function readLabels(db: DbClient) {
  return db.label.findMany({ orderBy: { slug: "asc" }, select: { name: true, slug: true } });
}

export async function* readPages(db: DbClient) {
  let after = 0;
  for (;;) {
    const rows = await db.page.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: POST_BATCH,
      select: {
        id: true,
        slug: true,
        title: true,
        bodyMarkdown: true,
        navOrder: true,
        published: true,
        createdAt: true,
        updatedAt: true,
      },
    });
    if (rows.length === 0) return;
    const origins = await originsOf(
      db,
      "page",
      rows.map((row) => row.id),
    );
    for (const row of rows) yield { ...row, origins: origins.get(row.id) ?? [] };
    after = rows.at(-1)!.id;
  }
}

export type ExportPage = Yielded<typeof readPages>;

export async function* readPosts(db: DbClient) {
  let after = 0;
  for (;;) {
    const rows = await db.post.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: POST_BATCH,
      select: {
        id: true,
        slug: true,
        title: true,
        standfirst: true,
        byline: true,
        sourceName: true,
        coverImageUrl: true,
        coverImageAlt: true,
        coverImageCaption: true,
        bodyMarkdown: true,
        status: true,
        publishedAt: true,
        commentsEnabled: true,
        viewCount: true,
        shareCount: true,
        createdAt: true,
        updatedAt: true,
        author: { select: { name: true, email: true } },
        labels: { orderBy: { slug: "asc" }, select: { name: true, slug: true } },
        redirects: { orderBy: { path: "asc" }, select: { path: true } },
        _count: { select: { comments: true } },
      },
    });
    if (rows.length === 0) return;
    const origins = await originsOf(
      db,
      "post",
      rows.map((row) => row.id),
    );
    for (const row of rows) yield { ...row, origins: origins.get(row.id) ?? [] };
    after = rows.at(-1)!.id;
  }
}

export type ExportPost = Yielded<typeof readPosts>;

/**
 * A post's comments in id order, which is parents first: a reply is always stored after
 * the comment it answers (createComment, and the importers insert parents first).
 */
export async function* readComments(db: DbClient, postId: number) {
  let after = 0;
  for (;;) {
    const rows = await db.comment.findMany({
      where: { postId, id: { gt: after } },
      orderBy: { id: "asc" },
      take: COMMENT_BATCH,
      select: {
        id: true,
        parentId: true,
        authorName: true,
        author: { select: { email: true } },
        body: true,
        createdAt: true,
        editedAt: true,
        status: true,
        heldReasons: true,
        deletedAt: true,
        deletedReason: true,
        deletionNote: true,
      },
    });
    if (rows.length === 0) return;
    const origins = await originsOf(
      db,
      "comment",
      rows.map((row) => row.id),
    );
    for (const row of rows) yield { ...row, origins: origins.get(row.id) ?? [] };
    after = rows.at(-1)!.id;
  }
}

export type ExportComment = Yielded<typeof readComments>;
