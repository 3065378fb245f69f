import type { DbClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isSearchLanguage, type SearchLanguage } from "@/lib/search/languages";

/**
 * The PostgreSQL word indexes are built for one language: the migration builds them for
 * "simple", the default; `npm run db:search-index` rebuilds them for SEARCH_LANGUAGE
 * (docs/decisions/017). Searching in another language than the indexes' still finds the
 * right posts, by reading every one: slow on a large blog, hence the warning.
 */
const WORD_INDEXES = [
  {
    name: "Post_search_words",
    table: "Post",
    expression: (language: SearchLanguage) =>
      `commonplace_post_document('${language}', "title", "standfirst", "bodyMarkdown")`,
  },
  {
    name: "Comment_search_words",
    table: "Comment",
    expression: (language: SearchLanguage) => `commonplace_comment_document('${language}', "body")`,
  },
] as const;

/** Each word index's language as its definition reads (null when the index is missing). */
export async function indexedSearchLanguages(db: DbClient): Promise<Record<string, string | null>> {
  const rows = await db.$queryRaw<{ name: string; definition: string }[]>`
    SELECT indexname::text AS "name", indexdef AS "definition" FROM pg_indexes
    WHERE schemaname = current_schema()
      AND indexname IN (${Prisma.join(WORD_INDEXES.map((index) => index.name))})`;
  return Object.fromEntries(
    WORD_INDEXES.map(({ name }) => {
      const definition = rows.find((row) => row.name === name)?.definition ?? "";
      return [name, /_document\('([a-z_]+)'::regconfig/.exec(definition)?.[1] ?? null];
    }),
  );
}

let checked = false;

/** Warns once per process when the word indexes are not built for `language`. */
export async function warnUnlessIndexed(db: DbClient, language: SearchLanguage): Promise<void> {
  if (checked) return;
  checked = true;
  let indexed: Awaited<ReturnType<typeof indexedSearchLanguages>>;
  try {
    indexed = await indexedSearchLanguages(db);
  } catch (error) {
    console.warn("Search: could not read the search indexes' language:", error);
    return;
  }
  const stale = Object.entries(indexed).filter(([, built]) => built !== language);
  if (stale.length === 0) return;
  console.warn(
    `Search: SEARCH_LANGUAGE is "${language}" but ${stale
      .map(([name, built]) => `${name} is built for ${built ? `"${built}"` : "no language (missing)"}`)
      .join(
        ", ",
      )}; every search reads all posts and comments until \`npm run db:search-index\` rebuilds them.`,
  );
}

/**
 * Rebuilds the word indexes for `language` where they are built for another one, without
 * blocking writers or searches: the new index is built CONCURRENTLY beside the old one,
 * then takes its name. Returns the indexes it rebuilt.
 */
export async function rebuildSearchIndexes(db: DbClient, language: SearchLanguage): Promise<string[]> {
  if (!isSearchLanguage(language)) throw new Error(`Not a search language: ${language}`);
  const indexed = await indexedSearchLanguages(db);
  const rebuilt: string[] = [];
  for (const { name, table, expression } of WORD_INDEXES) {
    if (indexed[name] === language) continue;
    // Identifiers and the language come from this file and the fixed list, never input.
    const next = `"${name}_next"`;
    for (const statement of [
      `DROP INDEX IF EXISTS ${next}`, // left behind by an interrupted run
      `CREATE INDEX CONCURRENTLY ${next} ON "${table}" USING GIN (${expression(language)})`,
      `DROP INDEX CONCURRENTLY IF EXISTS "${name}"`,
      `ALTER INDEX ${next} RENAME TO "${name}"`,
    ])
      await db.$executeRaw(Prisma.raw(statement));
    rebuilt.push(name);
  }
  return rebuilt;
}
