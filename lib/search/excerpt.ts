import { markTerms, termPattern } from "./highlight";

/**
 * About a sentence of Chinese or ten words of English: substring search counts in
 * characters, as its trigram index does (64 is also FTS5's longest snippet).
 */
export const EXCERPT_CHARACTERS = 64;

/**
 * `size` characters of `text` around the first place any term occurs (in any case),
 * starting half a window before it, with the terms marked and an ellipsis on each side
 * where the text goes on. For matches no index can highlight: terms too short for a
 * trigram, and every substring match on PostgreSQL. Counts code points, not UTF-16 units.
 */
export function markedExcerpt(text: string, terms: string[], size = EXCERPT_CHARACTERS): string {
  const half = Math.floor(size / 2);
  // No term found (it matched another field): the window starts with the text.
  const found = terms.length > 0 ? Math.max(0, text.search(termPattern(terms))) : 0;
  // At most `half` code points before the match: 2 × half UTF-16 units always hold them.
  const lead = Array.from(text.slice(Math.max(0, found - 2 * half), found))
    .slice(-half)
    .join("");
  const start = found - lead.length;
  const window = Array.from(text.slice(start, start + 2 * size))
    .slice(0, size)
    .join("");
  const end = start + window.length;
  return `${start > 0 ? "…" : ""}${markTerms(window, terms)}${end < text.length ? "…" : ""}`;
}
