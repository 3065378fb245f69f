/**
 * Characters that let text disguise itself: bidi overrides/isolates reorder what
 * follows them, zero-width characters hide inside names, C0/C1 controls do nothing
 * visible. Newlines and tabs are ordinary in comments and are kept there.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;
const CONTROLS_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

/**
 * U+0000 (NUL). PostgreSQL's text cannot hold it (SQLite can), and no text the blog
 * keeps needs it, so it is removed from every form field and refused in URL parameters
 * before anything reaches either database: both behave alike (docs/decisions/018).
 */
const NUL = /\u0000/g;

export function withoutNul(text: string): string {
  return text.replace(NUL, "");
}

export function hasNul(text: string): boolean {
  return text.includes("\u0000");
}

export function hasBidiControls(text: string): boolean {
  return new RegExp(BIDI_CONTROLS.source, "u").test(text);
}

export function hasInvisibleOrControl(text: string): boolean {
  return (
    new RegExp(INVISIBLE.source, "u").test(text) ||
    new RegExp(CONTROLS_EXCEPT_NEWLINE_TAB.source, "u").test(text) ||
    /[\n\r\t]/.test(text)
  );
}

/** Comment text as stored: NFC, LF line ends, controls and bidi overrides removed. */
export function cleanMultilineText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(BIDI_CONTROLS, "")
    .replace(CONTROLS_EXCEPT_NEWLINE_TAB, "")
    .replace(/[ \t]+$/gm, "")
    .trim();
}

/** Length as people count it: code points, so 声东击西 is 4 and an emoji is 1. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}
