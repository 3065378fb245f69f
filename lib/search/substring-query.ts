import { quoteTerms } from "./fts-query";

/**
 * Queries in scripts written without spaces between words (Chinese, Japanese, Thai, …)
 * go to the trigram index, where any run of three or more characters matches inside
 * longer text. Shorter terms (东击, 朝) have no trigram: they are matched with LIKE, and
 * marked in the results by markTerms (lib/search/highlight.ts).
 */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const TRIGRAM = 3;

/** Whether any term is in a script the word index cannot split (see above). */
export function needsSubstringSearch(terms: string[]): boolean {
  return terms.some((term) => UNSPACED_SCRIPT.test(term));
}

/**
 * The trigram MATCH expression for the terms of three or more characters (each quoted,
 * as in toFtsQuery) or null, and the shorter terms as LIKE patterns. Terms hold only
 * letters, marks and digits (searchTerms), so `%`, `_` and quotes cannot occur in them.
 */
export function toSubstringQuery(terms: string[]): { match: string | null; short: string[] } {
  const long = terms.filter((term) => Array.from(term).length >= TRIGRAM);
  const short = terms.filter((term) => Array.from(term).length < TRIGRAM);
  return { match: long.length > 0 ? quoteTerms(long) : null, short };
}
