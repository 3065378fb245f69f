/**
 * FTS5's highlight()/snippet() wrap matches in markers we choose. We use two Unicode
 * private-use characters that ordinary text never contains and split on them, so
 * matches are rendered as <mark> elements by React and no HTML ever comes back from
 * the database. (A post that does contain one gets a misplaced <mark>, never markup.)
 */
export const MATCH_OPEN = "\uE000";
export const MATCH_CLOSE = "\uE001";

export type HighlightSegment = { text: string; match: boolean };

export function splitHighlights(marked: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let match = false;
  let text = "";
  const flush = () => {
    if (text) segments.push({ text, match });
    text = "";
  };
  for (const char of marked) {
    if (char === MATCH_OPEN || char === MATCH_CLOSE) {
      flush();
      match = char === MATCH_OPEN;
    } else {
      text += char;
    }
  }
  flush();
  return segments;
}

/**
 * `marked` is `original` with some characters replaced one for one (PostgreSQL search
 * reads punctuation as spaces, decision 017) and markers added: the marked text with the
 * original characters back. If the two do not line up, `marked` as it is.
 */
export function restorePunctuation(marked: string, original: string): string {
  const characters = Array.from(original);
  let next = 0;
  let restored = "";
  for (const char of marked) {
    if (char === MATCH_OPEN || char === MATCH_CLOSE) restored += char;
    else restored += characters[next++] ?? char;
  }
  return next === characters.length ? restored : marked;
}

/** Markdown punctuation and link targets are noise in a plain-text snippet. */
export function cleanSnippet(marked: string): string {
  return marked
    .replace(/\]\([^)\s]*\)/g, "]")
    .replace(/[*_`#>[\]]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Comment bodies are plain text, not Markdown: only line breaks are noise in a snippet. */
export function plainSnippet(marked: string): string {
  return marked.replace(/\s+/g, " ").trim();
}

/**
 * Marks the terms (any case) where the text is not marked yet: for the short terms of
 * a substring search, which the index matched with LIKE and so could not highlight.
 */
export function markTerms(marked: string, terms: string[]): string {
  if (terms.length === 0) return marked;
  const pattern = termPattern(terms);
  return splitHighlights(marked)
    .map(({ text, match }) =>
      match
        ? `${MATCH_OPEN}${text}${MATCH_CLOSE}`
        : text.replace(pattern, (found) => `${MATCH_OPEN}${found}${MATCH_CLOSE}`),
    )
    .join("");
}

/** Any of the terms, in any case, the longest first (so 东击西 wins over 东击). */
export function termPattern(terms: string[]): RegExp {
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(alternatives.join("|"), "giu");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
