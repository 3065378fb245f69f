import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { EXCERPT_CHARACTERS, markedExcerpt } from "@/lib/search/excerpt";
import { quoteTerms } from "@/lib/search/fts-query";
import { MATCH_CLOSE, MATCH_OPEN, markTerms } from "@/lib/search/highlight";
import { toSubstringQuery } from "@/lib/search/substring-query";
import {
  COMMENT_COLUMNS,
  type CommentRow,
  FIELD_WEIGHTS,
  NEWEST_COMMENT_FIRST,
  POST_OF_COMMENT,
  type PostRow,
  type SearchBackend,
  type SearchQuery,
} from "./backend";

/**
 * Search on SQLite: FTS5 external-content tables kept in sync by triggers (migrations
 * *_post_search, *_post_search_trigram, *_comment_search; docs/decisions/004). The
 * word tables (unicode61) serve whole-word queries, the trigram tables substrings of
 * three or more characters; shorter terms have no trigram and are LIKE conditions.
 * Each query starts from the index (CROSS JOIN fixes SQLite's join order): left to
 * itself, SQLite starts from the readable posts and asks the index about each in turn,
 * 1.6 s instead of 80 ms for a common word among 5,000 posts (docs/decisions/017).
 */
export const sqliteSearch: SearchBackend = {
  postsByWords: ({ terms, filter, window }) => db.$queryRaw<PostRow[]>`
    SELECT p."id" AS "id", p."slug" AS "slug", p."publishedAt" AS "publishedAt",
           highlight("PostSearch", 0, ${MATCH_OPEN}, ${MATCH_CLOSE}) AS "markedTitle",
           snippet("PostSearch", 2, ${MATCH_OPEN}, ${MATCH_CLOSE}, '…', 32) AS "markedSnippet"
    FROM "PostSearch"
    CROSS JOIN "Post" p ON p."id" = "PostSearch".rowid
    WHERE "PostSearch" MATCH ${quoteTerms(terms)}
      AND ${filter}
    ORDER BY ${postBm25("PostSearch")}, p."publishedAt" DESC, p."id" DESC
    ${window}`,
  postsBySubstrings,
  commentsByWords: ({ terms, filter, window }) => db.$queryRaw<CommentRow[]>`
    SELECT ${COMMENT_COLUMNS},
           snippet("CommentSearch", 0, ${MATCH_OPEN}, ${MATCH_CLOSE}, '…', 32) AS "markedSnippet"
    FROM "CommentSearch"
    CROSS JOIN "Comment" c ON c."id" = "CommentSearch".rowid ${POST_OF_COMMENT}
    WHERE "CommentSearch" MATCH ${quoteTerms(terms)} AND ${filter}
    ORDER BY bm25("CommentSearch"), ${NEWEST_COMMENT_FIRST}
    ${window}`,
  commentsBySubstrings,
};

/** bm25 over a post index, with the field weights (title, standfirst, bodyMarkdown). */
function postBm25(table: "PostSearch" | "PostSearchTrigram"): Prisma.Sql {
  const { title, standfirst, body } = FIELD_WEIGHTS;
  return Prisma.sql`bm25(${Prisma.raw(`"${table}"`)}, ${title}, ${standfirst}, ${body})`;
}

/**
 * Terms of three or more characters go through the trigram index (ranked by bm25,
 * marked by FTS5, snippets counted in characters as a trigram token is one wide);
 * shorter ones have no trigram: they are matched with LIKE and marked
 * in code, and a title containing them ranks first, as the title weight would.
 * Without any long term the snippet is cut around the first match in the body.
 */
async function postsBySubstrings({ terms, filter, window }: SearchQuery): Promise<PostRow[]> {
  const { match, short } = toSubstringQuery(terms);
  const like = (column: string, term: string) =>
    Prisma.sql`p.${Prisma.raw(`"${column}"`)} LIKE ${`%${term}%`}`;
  const shortFilter = short.map(
    (term) =>
      Prisma.sql`AND (${like("title", term)} OR ${like("standfirst", term)} OR ${like("bodyMarkdown", term)})`,
  );
  const where = Prisma.join([filter, ...shortFilter], " ");
  // ORDER BY prefix: how many short terms the title holds, most first.
  const titleFirst =
    short.length > 0
      ? Prisma.sql`(${Prisma.join(
          short.map((term) => Prisma.sql`(${like("title", term)})`),
          " + ",
        )}) DESC,`
      : Prisma.empty;
  const rows = match
    ? await db.$queryRaw<PostRow[]>`
        SELECT p."id" AS "id", p."slug" AS "slug", p."publishedAt" AS "publishedAt",
               highlight("PostSearchTrigram", 0, ${MATCH_OPEN}, ${MATCH_CLOSE}) AS "markedTitle",
               snippet("PostSearchTrigram", 2, ${MATCH_OPEN}, ${MATCH_CLOSE}, '…', ${EXCERPT_CHARACTERS}) AS "markedSnippet"
        FROM "PostSearchTrigram"
        CROSS JOIN "Post" p ON p."id" = "PostSearchTrigram".rowid
        WHERE "PostSearchTrigram" MATCH ${match} AND ${where}
        ORDER BY ${titleFirst} ${postBm25("PostSearchTrigram")}, p."publishedAt" DESC, p."id" DESC
        ${window}`
    : // Only one- and two-character terms: no index to rank by, so title matches, then the newest.
      (
        await db.$queryRaw<(Omit<PostRow, "markedSnippet"> & { body: string })[]>`
          SELECT p."id" AS "id", p."slug" AS "slug", p."publishedAt" AS "publishedAt",
                 p."title" AS "markedTitle", p."bodyMarkdown" AS "body"
          FROM "Post" p
          WHERE ${where}
          ORDER BY ${titleFirst} p."publishedAt" DESC, p."id" DESC
          ${window}`
      ).map(({ body, ...row }) => ({ ...row, markedSnippet: markedExcerpt(body, short) }));
  return rows.map((row) => ({
    ...row,
    markedTitle: markTerms(row.markedTitle, short),
    markedSnippet: markTerms(row.markedSnippet, short),
  }));
}

/** As postsBySubstrings, over comment bodies: trigram MATCH for long terms, LIKE for short ones. */
async function commentsBySubstrings({ terms, filter, window }: SearchQuery): Promise<CommentRow[]> {
  const { match, short } = toSubstringQuery(terms);
  const where = Prisma.join(
    [filter, ...short.map((term) => Prisma.sql`AND c."body" LIKE ${`%${term}%`}`)],
    " ",
  );
  const rows = match
    ? await db.$queryRaw<CommentRow[]>`
        SELECT ${COMMENT_COLUMNS},
               snippet("CommentSearchTrigram", 0, ${MATCH_OPEN}, ${MATCH_CLOSE}, '…', ${EXCERPT_CHARACTERS}) AS "markedSnippet"
        FROM "CommentSearchTrigram"
        CROSS JOIN "Comment" c ON c."id" = "CommentSearchTrigram".rowid ${POST_OF_COMMENT}
        WHERE "CommentSearchTrigram" MATCH ${match} AND ${where}
        ORDER BY bm25("CommentSearchTrigram"), ${NEWEST_COMMENT_FIRST}
        ${window}`
    : (
        await db.$queryRaw<(Omit<CommentRow, "markedSnippet"> & { body: string })[]>`
          SELECT ${COMMENT_COLUMNS}, c."body" AS "body"
          FROM "Comment" c ${POST_OF_COMMENT}
          WHERE ${where}
          ORDER BY ${NEWEST_COMMENT_FIRST}
          ${window}`
      ).map(({ body, ...row }) => ({ ...row, markedSnippet: markedExcerpt(body, short) }));
  return rows.map((row) => ({ ...row, markedSnippet: markTerms(row.markedSnippet, short) }));
}
