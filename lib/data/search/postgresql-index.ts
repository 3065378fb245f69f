import type { DbClient } from "@/lib/db/client";
import type { SearchLanguage } from "@/lib/search/languages";

/**
 * The language PostgreSQL reads words in is the database's (commonplace_search.settings,
 * "simple" from the migration), so stored words and searches always agree.
 * SEARCH_LANGUAGE says what it should be; `npm run db:search-index` applies it
 * (docs/decisions/017). Until then searches go on in the old language, with a warning.
 */
export async function indexedSearchLanguage(db: DbClient): Promise<string> {
  const [row] = await db.$queryRaw<{ language: string }[]>`
    SELECT language::text AS "language" FROM commonplace_search.settings`;
  return row.language;
}

let checked = false;

/** Warns once per process when the database reads words in another language than `expected`. */
export async function warnUnlessIndexed(db: DbClient, expected: SearchLanguage): Promise<void> {
  if (checked) return;
  checked = true;
  try {
    const indexed = await indexedSearchLanguage(db);
    if (indexed !== expected)
      console.warn(
        `Search reads words as "${indexed}" but SEARCH_LANGUAGE is "${expected}": run \`npm run db:search-index\` to re-read them.`,
      );
  } catch (error) {
    console.warn("Search: could not read the language of the search index:", error);
  }
}

/** Rows re-read per statement: each batch is a short transaction, so writers never wait long. */
const BATCH = 500;

/**
 * Makes `language` the one words are read in, then re-reads every post and comment
 * stored in another, a batch at a time, while the blog runs: new writes use the new
 * language at once (the triggers read the setting), searches do too, and find a row
 * not re-read yet by its old words until its batch comes. Returns the rows re-read.
 */
export async function applySearchLanguage(
  db: DbClient,
  language: SearchLanguage,
): Promise<{ posts: number; comments: number }> {
  await db.$executeRaw`UPDATE commonplace_search.settings SET language = ${language}::regconfig`;
  const posts = await untilNoneLeft(
    () => db.$executeRaw`
      UPDATE commonplace_search.posts indexed
      SET language = settings.language,
          words = commonplace_search.post_words(settings.language, p."title", p."standfirst", p."bodyMarkdown")
      FROM "Post" p, commonplace_search.settings
      WHERE p."id" = indexed.post_id
        AND indexed.post_id IN (
          SELECT post_id FROM commonplace_search.posts, commonplace_search.settings
          WHERE posts.language <> settings.language LIMIT ${BATCH})`,
  );
  const comments = await untilNoneLeft(
    () => db.$executeRaw`
      UPDATE commonplace_search.comments indexed
      SET language = settings.language, words = commonplace_search.comment_words(settings.language, c."body")
      FROM "Comment" c, commonplace_search.settings
      WHERE c."id" = indexed.comment_id
        AND indexed.comment_id IN (
          SELECT comment_id FROM commonplace_search.comments, commonplace_search.settings
          WHERE comments.language <> settings.language LIMIT ${BATCH})`,
  );
  return { posts, comments };
}

/** Runs a batch until it changes nothing; returns how many rows all batches changed. */
async function untilNoneLeft(batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let count = await batch(); count > 0; count = await batch()) total += count;
  return total;
}
