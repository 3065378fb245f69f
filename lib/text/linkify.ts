import { LinkifyIt } from "linkify-it";

/**
 * Splits plain user text into text and link segments. Only http(s) and mailto links
 * become links; everything else stays text, and nothing here ever produces HTML.
 * Where a link ends is linkify-it's call: it knows every script's punctuation, so
 * "https://x.com/a。谢谢" links only "https://x.com/a".
 */

export type TextSegment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// Only links written with their scheme: no "example.com" or bare e-mail guessing, and
// linkify-it's ftp: and scheme-relative "//" links are switched off.
const finder = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false })
  .add("ftp:", null)
  .add("//", null);

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const match of finder.match(text) ?? []) {
    const href = safeHref(match.url);
    if (!href) continue;
    if (match.index > cursor) segments.push({ kind: "text", text: text.slice(cursor, match.index) });
    segments.push({ kind: "link", text: match.raw, href });
    cursor = match.lastIndex;
  }
  if (cursor < text.length) segments.push({ kind: "text", text: text.slice(cursor) });
  return segments;
}

/** A second, independent check of what the browser will follow. */
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
