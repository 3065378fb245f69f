import "server-only";
import { commentPermalink } from "@/lib/comments/paths";
import { databaseProvider } from "@/lib/db/url";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { postPath } from "@/lib/posts/paths";
import { readableNowSql } from "@/lib/posts/readable";
import { searchTerms } from "@/lib/search/fts-query";
import { needsSubstringSearch } from "@/lib/search/substring-query";
import { type Page, pageWindow, type SearchBackend, type SearchQuery } from "./backend";
import { postgresSearch } from "./postgresql";
import { sqliteSearch } from "./sqlite";

export type SearchHit = {
  id: number;
  path: string;
  publishedAt: Date;
  /** Title and body excerpt with matches between MATCH_OPEN and MATCH_CLOSE. */
  markedTitle: string;
  markedSnippet: string;
};

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

type Results<Hit> = { hits: Hit[]; hasMore: boolean };

/** What readers may find: posts readable now, and the live published (not held) comments on them. */
const readerFilters = {
  posts: () => readableNowSql("p"),
  comments: () => Prisma.sql`c."deletedAt" IS NULL AND c."status" = 'published' AND ${readableNowSql("p")}`,
};

/**
 * Search over one database's indexes (backend.ts): the same terms, readability rules,
 * paging and results on SQLite and PostgreSQL. The indexes hold every post and comment;
 * whether readers may see one is decided here, so publishing, deleting or scheduling
 * need no index work. Queries in scripts without spaces between words (声东击西) search
 * inside words; all others search whole words.
 */
function createSearch(backend: SearchBackend) {
  return {
    /** Readable posts matching `query`, best match first. */
    async searchPosts(query: string, page: Page): Promise<Results<SearchHit>> {
      const rows = await find(query, page, readerFilters.posts(), {
        words: backend.postsByWords,
        substrings: backend.postsBySubstrings,
      });
      return pageOf(rows, page, (row) => {
        const publishedAt = new Date(row.publishedAt);
        return {
          id: Number(row.id),
          path: postPath({ slug: row.slug, publishedAt }),
          publishedAt,
          markedTitle: row.markedTitle,
          markedSnippet: row.markedSnippet,
        };
      });
    },

    /**
     * Live comments on readable posts matching `query`, best match first: the same
     * terms, the same word or substring choice and the same highlighting as posts.
     * Deleted comments and those on posts not readable now are never found.
     */
    async searchComments(query: string, page: Page): Promise<Results<CommentSearchHit>> {
      const rows = await find(query, page, readerFilters.comments(), {
        words: backend.commentsByWords,
        substrings: backend.commentsBySubstrings,
      });
      return pageOf(rows, page, (row) => ({
        id: Number(row.id),
        path: commentPermalink(Number(row.id)),
        postTitle: row.postTitle,
        authorName: row.authorName,
        createdAt: new Date(row.createdAt),
        markedSnippet: row.markedSnippet,
      }));
    },
  };
}

type Finder<Row> = (query: SearchQuery) => Promise<Row[]>;

/**
 * The rows of one page for what a reader typed: none without a word to search for,
 * substrings in scripts without spaces between words, whole words otherwise.
 */
async function find<Row>(
  query: string,
  page: Page,
  filter: Prisma.Sql,
  by: { words: Finder<Row>; substrings: Finder<Row> },
): Promise<Row[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const request = { terms, filter, window: pageWindow(page) };
  return needsSubstringSearch(terms) ? by.substrings(request) : by.words(request);
}

/** The page's hits from rows fetched with pageWindow (one row more than the page). */
function pageOf<Row, Hit>(rows: Row[], { perPage }: Page, toHit: (row: Row) => Hit): Results<Hit> {
  return { hits: rows.slice(0, perPage).map(toHit), hasMore: rows.length > perPage };
}

export const { searchPosts, searchComments } = createSearch(
  databaseProvider(env.DATABASE_URL) === "postgresql" ? postgresSearch(env.SEARCH_LANGUAGE) : sqliteSearch,
);
