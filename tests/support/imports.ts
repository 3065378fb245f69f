import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { importFile, type ImportOptions } from "@/lib/import/run";

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/import");

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** Imports into this worker's database (the same client the app uses). */
export function runImport(file: string, options: Omit<ImportOptions, "file" | "db"> = {}) {
  return importFile({ file, db, ...options });
}

/** Writes `text` to a fresh temporary file and returns its path (for inputs made in a test). */
export function tempFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "commonplace-import-")), name);
  writeFileSync(file, text);
  return file;
}

/**
 * Removes what earlier imports in this worker wrote (posts and pages found through
 * ImportedItem; comments and redirects go with their posts), so each test imports afresh.
 */
export async function resetImports(): Promise<void> {
  const items = await db.importedItem.findMany({ select: { kind: true, localId: true } });
  const ids = (kind: string) => items.filter((item) => item.kind === kind).map((item) => item.localId);
  // Replies hold their parents (onDelete: Restrict): let go first, then the posts take their comments.
  await db.comment.updateMany({ where: { postId: { in: ids("post") } }, data: { parentId: null } });
  await db.post.deleteMany({ where: { id: { in: ids("post") } } });
  await db.page.deleteMany({ where: { id: { in: ids("page") } } });
  await db.importedItem.deleteMany({});
}

/** The local id an item of the export became. */
export async function localId(source: string, kind: string, sourceId: string): Promise<number> {
  const item = await db.importedItem.findUniqueOrThrow({
    where: { source_kind_sourceId: { source, kind, sourceId } },
    select: { localId: true },
  });
  return item.localId;
}

/** A post's comments keyed by author name + first words, with their thread positions. */
export async function commentsOf(postId: number) {
  return db.comment.findMany({
    where: { postId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      parentId: true,
      rootId: true,
      depth: true,
      authorId: true,
      authorName: true,
      body: true,
      createdAt: true,
      deletedAt: true,
      deletedReason: true,
    },
  });
}
