/**
 * Turns whatever a reader typed into a safe FTS5 MATCH expression, or null when there
 * is nothing to search for. Only runs of letters and digits survive, each wrapped in
 * double quotes, so FTS5 syntax (quotes, `*`, `-`, `^`, `:`, NEAR, AND/OR/NOT,
 * parentheses) is always read as plain words and can never make the query fail.
 * Terms are ANDed, as in most search boxes.
 */
export const MAX_SEARCH_TERMS = 8;
const MAX_TERM_LENGTH = 64;

export function toFtsQuery(input: string): string | null {
  const terms = searchTerms(input);
  return terms.length === 0 ? null : quoteTerms(terms);
}

/**
 * Each term in double quotes, space-separated: every term required, read as plain words.
 * FTS5's MATCH and PostgreSQL's websearch_to_tsquery read this the same way, so "or",
 * "near" or "not" are words there, never operators.
 */
export function quoteTerms(terms: string[]): string {
  return terms.map((term) => `"${term}"`).join(" ");
}

/** The distinct words of a query, lower-cased, in order, at most MAX_SEARCH_TERMS. */
export function searchTerms(input: string): string[] {
  const words =
    input
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  const unique: string[] = [];
  for (const word of words) {
    const term = word.slice(0, MAX_TERM_LENGTH);
    if (!unique.includes(term)) unique.push(term);
    if (unique.length === MAX_SEARCH_TERMS) break;
  }
  return unique;
}
