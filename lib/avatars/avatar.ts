/**
 * Generated avatars (docs/decisions/031): initials on a colour chosen by the account's
 * id, so a rename keeps the colour; a neutral mark for comments without an account
 * (guests, imports, deleted accounts). Pure and client-safe: rendered as CSS on cached
 * pages, no request per comment and none to a third party.
 */

/**
 * Backgrounds for white initials, each at least 4.5:1 against white (WCAG 2.x AA for
 * normal text; avatar.test.ts computes every ratio). Dark enough on light and dark pages.
 */
export const AVATAR_COLOURS = [
  "#b91c1c",
  "#c2410c",
  "#a16207",
  "#4d7c0f",
  "#15803d",
  "#047857",
  "#0f766e",
  "#0e7490",
  "#1d4ed8",
  "#4338ca",
  "#6d28d9",
  "#a21caf",
  "#be123c",
] as const;

export const AVATAR_TEXT_COLOUR = "#ffffff";

/** The guests' avatar: no account, so no colour of its own. */
export const NEUTRAL_AVATAR_COLOUR = "#57534e";

/** FNV-1a, 32 bits: stable across processes and releases (Math.random or a salt would not be). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function avatarColour(userId: string): string {
  return AVATAR_COLOURS[fnv1a(userId) % AVATAR_COLOURS.length];
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function firstGrapheme(word: string): string {
  for (const { segment } of segmenter.segment(word)) return segment;
  return "";
}

/**
 * One or two letters for a name: the first of its first and last words ("Ada Lovelace"
 * → "AL"), or of its only word ("声东击西" → "声"). Whole graphemes, so an accented
 * letter or an emoji is never cut in half.
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = firstGrapheme(words[0]);
  const last = words.length > 1 ? firstGrapheme(words[words.length - 1]) : "";
  return (first + last).toLocaleUpperCase();
}

/** The relative luminance of an sRGB colour "#rrggbb" (WCAG 2.x). */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2.x contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Gravatar's address for an email hash; `d=blank` (transparent) lets our initials show through. */
export function gravatarUrl(emailHash: string, size: number): string {
  return `https://gravatar.com/avatar/${emailHash}?s=${size * 2}&d=blank&r=g`;
}

/** The only host a page loads avatars from, when the blog owner turns Gravatar on (CSP img-src). */
export const GRAVATAR_ORIGIN = "https://gravatar.com";
