import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { commentPermalink } from "@/lib/comments/paths";
import { postPath } from "@/lib/posts/paths";
import { searchTerms, toFtsQuery } from "@/lib/search/fts-query";
import { MATCH_CLOSE, MATCH_OPEN, markTerms } from "@/lib/search/highlight";
import { needsSubstringSearch, toSubstringQuery } from "@/lib/search/substring-query";
import { readableNowSql } from "@/lib/posts/readable";

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

type Page = { page: number; perPage: number };

/** One row more than the page holds: whether it comes back says if there is a next page. */
function pageWindow({ page, perPage }: Page): Prisma.Sql {
  return Prisma.sql`LIMIT ${perPage + 1} OFFSET ${(page - 1) * perPage}`;
}

// bm25 weights per indexed column (title, standfirst, bodyMarkdown): a word in the
// title says far more about a post than the same word deep in its body.
const TITLE_WEIGHT = 10.0;
const STANDFIRST_WEIGHT = 4.0;
const BODY_WEIGHT = 1.0;

/**
 * Readable posts matching `query`, best match first (bm25). The indexes (migrations
 * *_post_search, *_post_search_trigram) hold every post; whether a post is readable is
 * checked here. Queries in scripts without spaces between words (声东击西) search
 * inside words through the trigram index; all others search whole words.
 */
export async function searchPosts(
  query: string,
  { page, perPage }: Page,
): Promise<{ hits: SearchHit[]; hasMore: boolean }> {
  const terms = searchTerms(query);
  if (terms.length === 0) return { hits: [], hasMore: false };
  const readable = readableNowSql("p");
  const window = pageWindow({ page, perPage });
  const rows = needsSubstringSearch(terms)
    ? await substringRows(terms, readable, window)
    : await wordRows(toFtsQuery(query)!, readable, window);
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

function wordRows(match: string, readable: Prisma.Sql, window: Prisma.Sql) {
  return db.$queryRaw<SearchRow[]>`
    SELECT p."id" AS id, p."slug" AS slug, p."publishedAt" AS publishedAt,
           highlight("PostSearch", 0, ${MATCH_OPEN}, ${MATCH_CLOSE}) AS markedTitle,
           snippet("PostSearch", 2, ${MATCH_OPEN}, ${MATCH_CLOSE}, '…', 32) AS markedSnippet
    FROM "PostSearch"
    JOIN "Post" p ON p."id" = "PostSearch".rowid
    WHERE "PostSearch" MATCH ${match}
      AND ${readable}
    ORDER BY bm25("PostSearch", ${TITLE_WEIGHT}, ${STANDFIRST_WEIGHT}, ${BODY_WEIGHT}), p."publishedAt" DESC, p."id" DESC
    ${window}`;
}

// A trigram token is one character wide, so snippets are counted in characters here:
// 64 (FTS5's most) is about a sentence of Chinese, or ten words of English.
const SUBSTRING_SNIPPET = 64;

/**
 * Terms of three or more characters go through the trigram index (ranked by bm25,
 * marked by FTS5); shorter ones have no trigram: they are matched with LIKE and marked
 * in code, and a title containing them ranks first, as the title weight would.
 * Without any long term the snippet is cut around the first match in the body.
 */
async function substringRows(terms: string[], readable: Prisma.Sql, window: Prisma.Sql) {
  const { match, short } = toSubstringQuery(terms);
  const like = (column: string, term: string) =>
    Prisma.sql`p.${Prisma.raw(`"${column}"`)} LIKE ${`%${term}%`}`;
  const shortFilter = short.map(
    (term) =>
      Prisma.sql`AND (${like("title", term)} OR ${like("standfirst", term)} OR ${like("bodyMarkdown", term)})`,
  );
  const filter = Prisma.join([readable, ...shortFilter], " ");
  // ORDER BY prefix: how many short terms the title holds, most first.
  const titleFirst =
    short.length > 0
      ? Prisma.sql`(${Prisma.join(
          short.map((term) => Prisma.sql`(${like("title", term)})`),
          " + ",
        )}) DESC,`
      : Prisma.empty;
  const rows = match
    ? await db.$queryRaw<SearchRow[]>`
        SELECT p."id" AS id, p."slug" AS slug, p."publishedAt" AS publishedAt,
               highlight("PostSearchTrigram", 0, ${MATCH_OPEN}, ${MATCH_CLOSE}) AS markedTitle,
               snippet("PostSearchTrigram", 2, ${MATCH_OPEN}, ${MATCH_CLOSE}, '…', ${SUBSTRING_SNIPPET}) AS markedSnippet
        FROM "PostSearchTrigram"
        JOIN "Post" p ON p."id" = "PostSearchTrigram".rowid
        WHERE "PostSearchTrigram" MATCH ${match} AND ${filter}
        ORDER BY ${titleFirst} bm25("PostSearchTrigram", ${TITLE_WEIGHT}, ${STANDFIRST_WEIGHT}, ${BODY_WEIGHT}),
                 p."publishedAt" DESC, p."id" DESC
        ${window}`
    : await shortTermRows(short[0], filter, titleFirst, window);
  return rows.map((row) => ({
    ...row,
    markedTitle: markTerms(row.markedTitle, short),
    markedSnippet: markTerms(row.markedSnippet, short),
  }));
}

/** Only one- and two-character terms: no index to rank by, so title matches, then the newest. */
async function shortTermRows(first: string, filter: Prisma.Sql, titleFirst: Prisma.Sql, window: Prisma.Sql) {
  const rows = await db.$queryRaw<(Omit<SearchRow, "markedSnippet"> & ExcerptRow)[]>`
    SELECT p."id" AS id, p."slug" AS slug, p."publishedAt" AS publishedAt, p."title" AS markedTitle,
           ${excerptColumns(Prisma.sql`p."bodyMarkdown"`, first)}
    FROM "Post" p
    WHERE ${filter}
    ORDER BY ${titleFirst} p."publishedAt" DESC, p."id" DESC
    ${window}`;
  return rows.map(({ excerpt, start, length, ...row }) => ({
    ...row,
    markedSnippet: finishExcerpt({ excerpt, start, length }),
  }));
}

type ExcerptRow = { excerpt: string; start: number; length: number };

/** SELECT columns for SUBSTRING_SNIPPET characters of `column` around the first `term`. */
function excerptColumns(column: Prisma.Sql, term: string): Prisma.Sql {
  const half = SUBSTRING_SNIPPET / 2;
  return Prisma.sql`max(1, instr(${column}, ${term}) - ${half}) AS start,
           substr(${column}, max(1, instr(${column}, ${term}) - ${half}), ${SUBSTRING_SNIPPET}) AS excerpt,
           length(${column}) AS length`;
}

/** The excerpt with an ellipsis on each side where the text goes on. */
function finishExcerpt({ excerpt, start, length }: ExcerptRow): string {
  const end = Number(start) + SUBSTRING_SNIPPET - 1;
  return `${Number(start) > 1 ? "…" : ""}${excerpt}${end < Number(length) ? "…" : ""}`;
}

export type CommentSearchHit = {
  id: number;
  /** The comment's permanent address, which redirects to the page of the thread showing it. */
  path: string;
  postTitle: string;
  authorName: string;
  createdAt: Date;
  /** Body excerpt with matches between MATCH_OPEN and MATCH_CLOSE. */
  markedSnippet: string;
};

type CommentSearchRow = {
  id: number;
  postTitle: string;
  authorName: string;
  createdAt: string | Date;
  markedSnippet: string;
};

/**
 * Live comments on readable posts matching `query`, best match first: the same terms,
 * the same word or trigram index choice and the same highlighting as searchPosts, over
 * comment bodies (migration *_comment_search). Every comment is indexed; deleted ones
 * and those on posts not readable now are filtered here, so they are never found.
 */
export async function searchComments(
  query: string,
  { page, perPage }: Page,
): Promise<{ hits: CommentSearchHit[]; hasMore: boolean }> {
  const terms = searchTerms(query);
  if (terms.length === 0) return { hits: [], hasMore: false };
  const visible = Prisma.sql`c."deletedAt" IS NULL AND ${readableNowSql("p")}`;
  const window = pageWindow({ page, perPage });
  const rows = needsSubstringSearch(terms)
    ? await commentSubstringRows(terms, visible, window)
    : await commentWordRows(toFtsQuery(query)!, visible, window);
  const hits = rows.slice(0, perPage).map((row) => ({
    id: Number(row.id),
    path: commentPermalink(Number(row.id)),
    postTitle: row.postTitle,
    authorName: row.authorName,
    createdAt: new Date(row.createdAt),
    markedSnippet: row.markedSnippet,
  }));
  return { hits, hasMore: rows.length > perPage };
}

const COMMENT_COLUMNS = Prisma.sql`c."id" AS id, p."title" AS postTitle, c."authorName" AS authorName,
           c."createdAt" AS createdAt`;
const NEWEST_COMMENT_FIRST = Prisma.sql`c."createdAt" DESC, c."id" DESC`;

function commentWordRows(match: string, visible: Prisma.Sql, window: Prisma.Sql) {
  return db.$queryRaw<CommentSearchRow[]>`
    SELECT ${COMMENT_COLUMNS},
           snippet("CommentSearch", 0, ${MATCH_OPEN}, ${MATCH_CLOSE}, '…', 32) AS markedSnippet
    FROM "CommentSearch"
    JOIN "Comment" c ON c."id" = "CommentSearch".rowid
    JOIN "Post" p ON p."id" = c."postId"
    WHERE "CommentSearch" MATCH ${match} AND ${visible}
    ORDER BY bm25("CommentSearch"), ${NEWEST_COMMENT_FIRST}
    ${window}`;
}

/** As substringRows, over comment bodies: trigram MATCH for long terms, LIKE for short ones. */
async function commentSubstringRows(terms: string[], visible: Prisma.Sql, window: Prisma.Sql) {
  const { match, short } = toSubstringQuery(terms);
  const filter = Prisma.join(
    [visible, ...short.map((term) => Prisma.sql`AND c."body" LIKE ${`%${term}%`}`)],
    " ",
  );
  const rows = match
    ? await db.$queryRaw<CommentSearchRow[]>`
        SELECT ${COMMENT_COLUMNS},
               snippet("CommentSearchTrigram", 0, ${MATCH_OPEN}, ${MATCH_CLOSE}, '…', ${SUBSTRING_SNIPPET}) AS markedSnippet
        FROM "CommentSearchTrigram"
        JOIN "Comment" c ON c."id" = "CommentSearchTrigram".rowid
        JOIN "Post" p ON p."id" = c."postId"
        WHERE "CommentSearchTrigram" MATCH ${match} AND ${filter}
        ORDER BY bm25("CommentSearchTrigram"), ${NEWEST_COMMENT_FIRST}
        ${window}`
    : (
        await db.$queryRaw<(Omit<CommentSearchRow, "markedSnippet"> & ExcerptRow)[]>`
          SELECT ${COMMENT_COLUMNS}, ${excerptColumns(Prisma.sql`c."body"`, short[0])}
          FROM "Comment" c
          JOIN "Post" p ON p."id" = c."postId"
          WHERE ${filter}
          ORDER BY ${NEWEST_COMMENT_FIRST}
          ${window}`
      ).map(({ excerpt, start, length, ...row }) => ({
        ...row,
        markedSnippet: finishExcerpt({ excerpt, start, length }),
      }));
  return rows.map((row) => ({ ...row, markedSnippet: markTerms(row.markedSnippet, short) }));
}
