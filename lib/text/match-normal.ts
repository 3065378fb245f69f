import { remove as withoutConfusables } from "confusables";

/**
 * Text as word rules compare it: NFKC (full-width and compatibility forms become their
 * plain letters), look-alike letters from other scripts mapped to the Latin ones they
 * imitate (the `confusables` package: Cyrillic "а", Greek "ο", …), then lower case. Both
 * the rule's words and the text go through it, so "ＶＩＡＧＲＡ" and "vіаgrа" (Cyrillic
 * і, а) match "viagra".
 */
export function matchNormal(text: string): string {
  return withoutConfusables(text.normalize("NFKC")).toLowerCase().normalize("NFKC");
}

const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}]`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The first of `words` that `text` contains as a whole word or phrase (not inside a
 * longer word: "class" does not match "ass"), compared in matchNormal form; null if none.
 */
export function findBlockedWord(text: string, words: readonly string[]): string | null {
  const normal = matchNormal(text);
  for (const word of words) {
    const needle = matchNormal(word).trim();
    if (!needle) continue;
    const pattern = new RegExp(`(?<!${WORD_CHAR})${escapeRegExp(needle)}(?!${WORD_CHAR})`, "u");
    if (pattern.test(normal)) return word;
  }
  return null;
}

/** A moderator's list as typed (one per line, or comma-separated): trimmed, de-duplicated, blanks dropped. */
export function parseWordList(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const word = raw.trim().replace(/\s+/g, " ");
    const key = matchNormal(word);
    if (!word || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words;
}
