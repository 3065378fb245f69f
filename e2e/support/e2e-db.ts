import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";

// The database scripts/e2e-server.mjs serves. Writing to it directly, as any other
// writer would, also proves the search triggers keep the index in sync.
const E2E_DB = path.resolve(import.meta.dirname, "../../data/e2e/e2e.db");

/** Prisma's DateTime text format on SQLite: ISO 8601 with an explicit +00:00 offset. */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

export type E2EPost = { id: number; slug: string; title: string; path: string };

/** A published post of its own for a test that changes counters. */
export function createE2EPost({ title = "An end-to-end post", body = "Plain words." } = {}): E2EPost {
  const db = new Database(E2E_DB);
  try {
    db.pragma("busy_timeout = 10000");
    const slug = `e2e-${randomUUID().slice(0, 8)}`;
    // Noon UTC on Jan 15: the same month in every plausible blog time zone.
    const publishedAt = new Date(Date.UTC(2025, 0, 15, 12));
    const now = sqliteDate(new Date());
    const result = db
      .prepare(
        `INSERT INTO "Post" ("slug", "title", "bodyMarkdown", "status", "publishedAt", "createdAt", "updatedAt")
         VALUES (?, ?, ?, 'published', ?, ?, ?)`,
      )
      .run(slug, title, body, sqliteDate(publishedAt), now, now);
    return { id: Number(result.lastInsertRowid), slug, title, path: `/2025/01/${slug}` };
  } finally {
    db.close();
  }
}

/**
 * `count` top-level comments by a guest on `postId` (no rootId, depth 0, as the app
 * stores top-level comments), one second apart from 2001 on; the ids in thread order.
 */
export function addGuestComments(postId: number, count: number): number[] {
  const db = new Database(E2E_DB);
  try {
    db.pragma("busy_timeout = 10000");
    const insert = db.prepare(
      `INSERT INTO "Comment" ("postId", "authorName", "body", "depth", "createdAt") VALUES (?, 'Guest', ?, 0, ?)`,
    );
    // Long ago, so they stay out of the whole-blog comments feed other tests read.
    const start = Date.UTC(2001, 0, 16);
    return db.transaction(() =>
      Array.from({ length: count }, (_, i) =>
        Number(
          insert.run(postId, `Long thread comment number ${i + 1}.`, sqliteDate(new Date(start + i * 1000)))
            .lastInsertRowid,
        ),
      ),
    )();
  } finally {
    db.close();
  }
}
