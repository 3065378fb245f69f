/**
 * Splits plain user text into text and link segments. Only http(s) and mailto links
 * become links; everything else stays text, and nothing here ever produces HTML.
 */

export type TextSegment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const CANDIDATE = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?…)\]}’”]+$/u;
const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const candidate = trimTrailing(match[0]);
    const href = safeHref(candidate);
    if (!href) continue;
    if (start > cursor) segments.push({ kind: "text", text: text.slice(cursor, start) });
    segments.push({ kind: "link", text: candidate, href });
    cursor = start + candidate.length;
  }
  if (cursor < text.length) segments.push({ kind: "text", text: text.slice(cursor) });
  return segments;
}

/** Drops sentence punctuation glued to a URL, but keeps a ")" that closes one inside it. */
function trimTrailing(url: string): string {
  let trimmed = url.replace(TRAILING_PUNCTUATION, "");
  const tail = url.slice(trimmed.length);
  for (const ch of tail) {
    const opens = count(trimmed, "(");
    if (ch === ")" && opens > count(trimmed, ")")) trimmed += ch;
    else break;
  }
  return trimmed;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
    if (url.protocol !== "mailto:" && !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}
