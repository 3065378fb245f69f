import { z } from "zod";
import { hasNul, withoutNul } from "@/lib/text/unicode";

/**
 * Route and query parameters of the reader pages. Anything that does not match is a
 * 404 (or an empty search), never an exception.
 */
const PageParam = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number);

/** `?page=` : absent means 1; "0", "-1", "abc", "1.5", "01" are invalid (null). */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  const parsed = PageParam.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const YearMonth = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number)
    .pipe(z.number().int().min(1970).max(9999)),
  month: z
    .string()
    .regex(/^(0[1-9]|1[0-2])$/)
    .transform(Number),
});

/** `/YYYY/MM`: four-digit year, two-digit month. */
export function parseYearMonth(params: {
  year: string;
  month: string;
}): { year: number; month: number } | null {
  const parsed = YearMonth.safeParse(params);
  return parsed.success ? parsed.data : null;
}

/** decodeURIComponent that answers null for malformed escapes ("%E0%A4%A") instead of throwing. */
export function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * A slug from the URL, decoded and composed (NFC) as slugs are stored: a browser or
 * keyboard may send Korean or accented text decomposed, and it must find the same post.
 * No stored slug holds U+0000, and PostgreSQL refuses it as a parameter: null, a 404.
 */
export function parseSlugParam(value: string): string | null {
  const slug = safeDecode(value)?.normalize("NFC") ?? null;
  return slug === null || hasNul(slug) ? null : slug;
}

/** Label slugs as lib/text/slugify makes them (Unicode letters, marks and digits). */
export function parseLabelSlug(value: string): string | null {
  const slug = parseSlugParam(value);
  if (slug === null) return null;
  return /^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u.test(slug) && slug.length <= 100 ? slug : null;
}

/** `?q=`: first value only, without U+0000 (see parseSlugParam), trimmed, bounded. */
export function parseSearchQuery(value: string | string[] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  return withoutNul(first ?? "")
    .trim()
    .slice(0, 200);
}

/**
 * `/moved?p=123` or `/moved?from=/2024/06/19/slug` (next.config.ts sends WordPress's
 * addresses there): the old address as an import stored it (PostRedirect), or null.
 */
export function parseOldPath(params: URLSearchParams): string | null {
  const id = params.get("p");
  if (id !== null) return /^[1-9]\d{0,11}$/.test(id) ? `/?p=${id}` : null;
  const from = params.get("from")?.normalize("NFC") ?? null;
  return from !== null && /^\/\d{4}\/\d{2}\/\d{2}\/[^/]{1,200}$/.test(from) && !hasNul(from) ? from : null;
}
