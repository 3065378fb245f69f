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

/**
 * Rows of one kind by id, a batch at a time (`fetch` reads the batch after an id), each
 * with the ids it was imported from.
 */
async function* inBatches<Row extends { id: number }>(
  db: DbClient,
  kind: "post" | "page" | "comment",
  fetch: (after: number) => Promise<Row[]>,
) {
  let after = 0;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length === 0) return;
    const origins = await originsOf(
      db,
      kind,
      rows.map((row) => row.id),
    );
    for (const row of rows) yield { ...row, origins: origins.get(row.id) ?? [] };
    after = rows.at(-1)!.id;
  }
}

export async function readLabels(db: DbClient) {
  return db.label.findMany({ orderBy: { slug: "asc" }, select: { name: true, slug: true } });
}

export function readPages(db: DbClient) {
  return inBatches(db, "page", (after) =>
    db.page.findMany({
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
    }),
  );
}

export type ExportPage = Yielded<typeof readPages>;

export function readPosts(db: DbClient) {
  return inBatches(db, "post", (after) =>
    db.post.findMany({
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
    }),
  );
}

export type ExportPost = Yielded<typeof readPosts>;

/**
 * A post's comments in id order, which is parents first: a reply is always stored after
 * the comment it answers (createComment, and the importers insert parents first).
 */
export function readComments(db: DbClient, postId: number) {
  return inBatches(db, "comment", (after) =>
    db.comment.findMany({
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
    }),
  );
}

export type ExportComment = Yielded<typeof readComments>;
