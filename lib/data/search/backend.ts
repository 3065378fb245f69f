import { Prisma } from "@/lib/generated/prisma/client";

/**
 * What each database does differently in search (docs/decisions/017): the SQLite
 * backend reads its FTS5 tables, the PostgreSQL one its GIN indexes. Everything else —
 * turning the reader's words into terms, choosing between whole-word and substring
 * search, who may read what, paging, the result shape — is index.ts, for both.
 */
export type SearchBackend = {
  /** Posts holding every term as a whole word, best first. */
  postsByWords(query: SearchQuery): Promise<PostRow[]>;
  /** Posts holding every term anywhere, even inside a longer run (声东击西), best first. */
  postsBySubstrings(query: SearchQuery): Promise<PostRow[]>;
  commentsByWords(query: SearchQuery): Promise<CommentRow[]>;
  commentsBySubstrings(query: SearchQuery): Promise<CommentRow[]>;
};

export type SearchQuery = {
  /** Distinct, lower-cased runs of letters and digits (searchTerms): never SQL or index syntax. */
  terms: string[];
  /** Which rows readers may see: a condition on the post aliased `p` (and comment `c`). */
  filter: Prisma.Sql;
  /** LIMIT and OFFSET of the page (pageWindow). */
  window: Prisma.Sql;
};

/** Titles and snippets carry their matches between MATCH_OPEN and MATCH_CLOSE. */
export type PostRow = {
  id: number;
  slug: string;
  publishedAt: string | Date;
  markedTitle: string;
  markedSnippet: string;
};

export type CommentRow = {
  id: number;
  postTitle: string;
  authorName: string;
  createdAt: string | Date;
  markedSnippet: string;
};

export type Page = { page: number; perPage: number };

/** One row more than the page holds: whether it comes back says if there is a next page. */
export function pageWindow({ page, perPage }: Page): Prisma.Sql {
  return Prisma.sql`LIMIT ${perPage + 1} OFFSET ${(page - 1) * perPage}`;
}

/**
 * How much a match says about a post, by field: a word in the title far more than the
 * same word deep in the body. SQLite's bm25 takes them as they are, PostgreSQL's
 * ts_rank as fractions of the title's.
 */
export const FIELD_WEIGHTS = { title: 10, standfirst: 4, body: 1 } as const;

// Quoted aliases: PostgreSQL folds unquoted ones to lower case, SQLite keeps either.
export const COMMENT_COLUMNS = Prisma.sql`c."id" AS "id", p."title" AS "postTitle",
           c."authorName" AS "authorName", c."createdAt" AS "createdAt"`;
export const POST_OF_COMMENT = Prisma.sql`JOIN "Post" p ON p."id" = c."postId"`;
export const NEWEST_COMMENT_FIRST = Prisma.sql`c."createdAt" DESC, c."id" DESC`;
