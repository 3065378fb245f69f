import "server-only";
import { db } from "@/lib/db";
import { postPath } from "@/lib/posts/paths";
import { readableNowSql } from "@/lib/posts/readable";
import { toFtsQuery } from "@/lib/search/fts-query";
import { MATCH_CLOSE, MATCH_OPEN } from "@/lib/search/highlight";

export type SearchHit = {
  id: number;
  path: string;
  publishedAt: Date;
  /** Title and body excerpt with matches between MATCH_OPEN and MATCH_CLOSE. */
  markedTitle: string;
  markedSnippet: string;
};

type SearchRow = {
  id: number;
  slug: string;
  publishedAt: string | Date;
  markedTitle: string;
  markedSnippet: string;
};

// bm25 weights per indexed column (title, standfirst, bodyMarkdown): a word in the
// title says far more about a post than the same word deep in its body.
const TITLE_WEIGHT = 10.0;
const STANDFIRST_WEIGHT = 4.0;
const BODY_WEIGHT = 1.0;

/**
 * Readable posts matching `query`, best match first (bm25). The index (migration
 * *_post_search) holds every post; whether it is readable is checked here.
 */
export async function searchPosts(
  query: string,
  { page, perPage }: { page: number; perPage: number },
): Promise<{ hits: SearchHit[]; hasMore: boolean }> {
  const match = toFtsQuery(query);
  if (!match) return { hits: [], hasMore: false };
  const rows = await db.$queryRaw<SearchRow[]>`
    SELECT p."id" AS id, p."slug" AS slug, p."publishedAt" AS publishedAt,
           highlight("PostSearch", 0, ${MATCH_OPEN}, ${MATCH_CLOSE}) AS markedTitle,
           snippet("PostSearch", 2, ${MATCH_OPEN}, ${MATCH_CLOSE}, '…', 32) AS markedSnippet
    FROM "PostSearch"
    JOIN "Post" p ON p."id" = "PostSearch".rowid
    WHERE "PostSearch" MATCH ${match}
      AND ${readableNowSql("p")}
    ORDER BY bm25("PostSearch", ${TITLE_WEIGHT}, ${STANDFIRST_WEIGHT}, ${BODY_WEIGHT}), p."publishedAt" DESC, p."id" DESC
    LIMIT ${perPage + 1} OFFSET ${(page - 1) * perPage}`;
  const hits = rows.slice(0, perPage).map((row) => {
    const publishedAt = new Date(row.publishedAt);
    return {
      id: Number(row.id),
      path: postPath({ slug: row.slug, publishedAt }),
      publishedAt,
      markedTitle: row.markedTitle,
      markedSnippet: row.markedSnippet,
    };
  });
  return { hits, hasMore: rows.length > perPage };
}
