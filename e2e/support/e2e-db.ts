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
