import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { markedExcerpt } from "@/lib/search/excerpt";
import { quoteTerms } from "@/lib/search/fts-query";
import { MATCH_CLOSE, MATCH_OPEN, markTerms } from "@/lib/search/highlight";
import { isSearchLanguage, type SearchLanguage } from "@/lib/search/languages";
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
import { warnUnlessIndexed } from "./postgresql-index";

/**
 * Search on PostgreSQL (docs/decisions/017): expression GIN indexes over the SQL
 * functions of migration *_search — commonplace_post_document (weighted tsvector) and
 * commonplace_comment_document for words, commonplace_post_text and
 * commonplace_comment_text (pg_trgm) for substrings. Conditions here call the same
 * functions with the same language, so the planner can use those indexes.
 */
export function postgresSearch(language: SearchLanguage): SearchBackend {
  const sql = postgresSearchSql(language);
  const ready = () => warnUnlessIndexed(db, language);
  return {
    postsByWords: async (query) => {
      await ready();
      return db.$queryRaw<PostRow[]>(sql.postsByWords(query));
    },
    postsBySubstrings: async (query) => {
      const rows = await db.$queryRaw<SubstringPostRow[]>(sql.postsBySubstrings(query));
      return rows.map(({ title, body, ...row }) => ({
        ...row,
        markedTitle: markTerms(title, query.terms),
        markedSnippet: markedExcerpt(body, query.terms),
      }));
    },
    commentsByWords: async (query) => {
      await ready();
      return db.$queryRaw<CommentRow[]>(sql.commentsByWords(query));
    },
    commentsBySubstrings: async (query) => {
      const rows = await db.$queryRaw<SubstringCommentRow[]>(sql.commentsBySubstrings(query));
      return rows.map(({ body, ...row }) => ({ ...row, markedSnippet: markedExcerpt(body, query.terms) }));
    },
  };
}

type SubstringPostRow = Omit<PostRow, "markedTitle" | "markedSnippet"> & { title: string; body: string };
type SubstringCommentRow = Omit<CommentRow, "markedSnippet"> & { body: string };

// ts_rank's weights are {D, C, B, A}: the body (C) and standfirst (B) as fractions of
// the title (A), as FIELD_WEIGHTS has them; D is not used.
const { title, standfirst, body } = FIELD_WEIGHTS;
const RANK_WEIGHTS = Prisma.raw(
  `'{${[body, body, standfirst, title].map((w) => w / title).join(",")}}'::float4[]`,
);

// ts_headline marks matches with our markers (lib/search/highlight.ts). Titles are
// marked whole; snippets are the best passage of at most 32 words, as FTS5's are.
const MARKERS = `StartSel=${MATCH_OPEN}, StopSel=${MATCH_CLOSE}`;
const TITLE_HEADLINE = `HighlightAll=true, ${MARKERS}`;
const SNIPPET_HEADLINE = `MaxFragments=1, MaxWords=32, MinWords=16, ShortWord=0, ${MARKERS}`;

/** The statements, apart from running them (tests read their plans). */
export function postgresSearchSql(language: SearchLanguage) {
  // Written into the SQL, not bound: the planner matches an index expression only to the
  // same constant. The name comes from a fixed list (checked again here).
  if (!isSearchLanguage(language)) throw new Error(`Not a search language: ${language}`);
  const config = Prisma.raw(`'${language}'::regconfig`);
  const tsquery = (terms: string[]) => Prisma.sql`websearch_to_tsquery(${config}, ${quoteTerms(terms)})`;
  const postDocument = Prisma.sql`commonplace_post_document(${config}, p."title", p."standfirst", p."bodyMarkdown")`;
  const commentDocument = Prisma.sql`commonplace_comment_document(${config}, c."body")`;
  const headline = (text: Prisma.Sql, options: string) =>
    Prisma.sql`commonplace_search_restore(ts_headline(${config}, commonplace_search_text(${text}), found."q", ${options}))`;

  /**
   * The rows of `found` (carrying the tsquery "q" and the "snippetSource" text) with
   * "markedSnippet": ts_headline's passage, with what precedes and follows it kept when
   * it holds no word (a closing "." or "!") and an ellipsis where words are cut off.
   */
  function withSnippets(found: Prisma.Sql, marked: Prisma.Sql, columns: string[], order: Prisma.Sql) {
    const out = Prisma.raw(columns.map((column) => `placed."${column}"`).join(", "));
    const plain = Prisma.sql`translate(marked."snippet", ${MATCH_OPEN + MATCH_CLOSE}, '')`;
    const edge = (text: Prisma.Sql) =>
      Prisma.sql`CASE WHEN ${text} ~ '[[:alnum:]]' THEN '…' ELSE ${text} END`;
    return Prisma.sql`
      WITH found AS (${found}),
      marked AS (
        SELECT found.*, ${marked} ${headline(Prisma.sql`found."snippetSource"`, SNIPPET_HEADLINE)} AS "snippet"
        FROM found),
      placed AS (
        SELECT marked.*, strpos(marked."snippetSource", ${plain}) AS "at", length(${plain}) AS "length"
        FROM marked)
      SELECT ${out},
             CASE WHEN placed."at" = 0 THEN '…' || placed."snippet" || '…'
                  ELSE ${edge(Prisma.sql`left(placed."snippetSource", placed."at" - 1)`)}
                       || placed."snippet"
                       || ${edge(Prisma.sql`substr(placed."snippetSource", placed."at" + placed."length")`)}
             END AS "markedSnippet"
      FROM placed
      ORDER BY ${order}`;
  }

  /** Every term inside `text` (lower-cased by the migration's functions, as terms are). */
  const containsAll = (text: Prisma.Sql, terms: string[]) =>
    Prisma.join(
      terms.map((term) => Prisma.sql`${text} LIKE ${`%${term}%`}`),
      " AND ",
    );

  return {
    postsByWords: ({ terms, filter, window }: SearchQuery) =>
      withSnippets(
        Prisma.sql`
          SELECT p."id", p."slug", p."publishedAt", p."title", p."bodyMarkdown" AS "snippetSource", query."q",
                 ts_rank(${RANK_WEIGHTS}, ${postDocument}, query."q", 1) AS "rank"
          FROM "Post" p CROSS JOIN (SELECT ${tsquery(terms)} AS "q") query
          WHERE ${postDocument} @@ query."q" AND ${filter}
          ORDER BY "rank" DESC, p."publishedAt" DESC, p."id" DESC
          ${window}`,
        Prisma.sql`${headline(Prisma.sql`found."title"`, TITLE_HEADLINE)} AS "markedTitle",`,
        ["id", "slug", "publishedAt", "markedTitle"],
        Prisma.sql`placed."rank" DESC, placed."publishedAt" DESC, placed."id" DESC`,
      ),

    commentsByWords: ({ terms, filter, window }: SearchQuery) =>
      withSnippets(
        Prisma.sql`
          SELECT ${COMMENT_COLUMNS}, c."body" AS "snippetSource", query."q",
                 ts_rank(${commentDocument}, query."q", 1) AS "rank"
          FROM "Comment" c ${POST_OF_COMMENT} CROSS JOIN (SELECT ${tsquery(terms)} AS "q") query
          WHERE ${commentDocument} @@ query."q" AND ${filter}
          ORDER BY "rank" DESC, ${NEWEST_COMMENT_FIRST}
          ${window}`,
        Prisma.empty,
        ["id", "postTitle", "authorName", "createdAt"],
        Prisma.sql`placed."rank" DESC, placed."createdAt" DESC, placed."id" DESC`,
      ),

    /**
     * Substrings through the trigram index (a term of three or more characters narrows
     * it; shorter ones are checked on what it finds). Ranked as the field weights say:
     * each term in the title counts as much as ten in the body.
     */
    postsBySubstrings: ({ terms, filter, window }: SearchQuery) => {
      const score = Prisma.join(
        terms.map((term) => {
          const pattern = `%${term}%`;
          return Prisma.sql`${Prisma.raw(String(title))} * (p."title" ILIKE ${pattern})::int
            + ${Prisma.raw(String(standfirst))} * (coalesce(p."standfirst", '') ILIKE ${pattern})::int
            + ${Prisma.raw(String(body))} * (p."bodyMarkdown" ILIKE ${pattern})::int`;
        }),
        " + ",
      );
      return Prisma.sql`
        SELECT p."id" AS "id", p."slug" AS "slug", p."publishedAt" AS "publishedAt",
               p."title" AS "title", p."bodyMarkdown" AS "body"
        FROM "Post" p
        WHERE ${containsAll(Prisma.sql`commonplace_post_text(p."title", p."standfirst", p."bodyMarkdown")`, terms)}
          AND ${filter}
        ORDER BY ${score} DESC, p."publishedAt" DESC, p."id" DESC
        ${window}`;
    },

    /** Substrings in comment bodies, the newest first (nothing ranks one hit above another). */
    commentsBySubstrings: ({ terms, filter, window }: SearchQuery) => Prisma.sql`
      SELECT ${COMMENT_COLUMNS}, c."body" AS "body"
      FROM "Comment" c ${POST_OF_COMMENT}
      WHERE ${containsAll(Prisma.sql`commonplace_comment_text(c."body")`, terms)} AND ${filter}
      ORDER BY ${NEWEST_COMMENT_FIRST}
      ${window}`,
  };
}
