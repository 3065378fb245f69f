/**
 * The languages PostgreSQL search can read, each the name of one of its built-in text
 * search configurations (PostgreSQL 15's pg_ts_config). "simple" reads words as they
 * are, with no stemming and no stop words, for any language, as SQLite's unicode61
 * tokenizer does; the others reduce words to their stems ("running" finds "runs") and
 * drop common words. SQLite search ignores the setting (docs/decisions/017).
 */
export const SEARCH_LANGUAGES = [
  "simple",
  "arabic",
  "armenian",
  "basque",
  "catalan",
  "danish",
  "dutch",
  "english",
  "finnish",
  "french",
  "german",
  "greek",
  "hindi",
  "hungarian",
  "indonesian",
  "irish",
  "italian",
  "lithuanian",
  "nepali",
  "norwegian",
  "portuguese",
  "romanian",
  "russian",
  "serbian",
  "spanish",
  "swedish",
  "tamil",
  "turkish",
  "yiddish",
] as const;

export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

/** The language the PostgreSQL migration indexes for (…_search). */
export const DEFAULT_SEARCH_LANGUAGE: SearchLanguage = "simple";

export function isSearchLanguage(name: string): name is SearchLanguage {
  return (SEARCH_LANGUAGES as readonly string[]).includes(name);
}
