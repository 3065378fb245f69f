import { z } from "zod";
import { slugify } from "@/lib/text/slugify";

/** Pieces shared by the post and page schemas (client-safe: forms read the limits). */

const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** One-line text: NFC, no controls or line breaks, trimmed. */
export const lineText = (label: string, max: number) =>
  z
    .string()
    .transform((value) =>
      value
        .normalize("NFC")
        .replace(/[\r\n\t]+/g, " ")
        .replace(CONTROLS, "")
        .trim(),
    )
    .pipe(z.string().max(max, `${label} can be at most ${max} characters.`));

export const optionalLine = (label: string, max: number) =>
  lineText(label, max).transform((value) => value || null);

export const MARKDOWN_MAX = 200_000;

/** Markdown keeps its whitespace (two trailing spaces are a line break); only CRLF and controls go. */
export const markdownText = z
  .string()
  .transform((value) => value.replace(/\r\n?/g, "\n").replace(CONTROLS, ""))
  .pipe(
    z
      .string()
      .refine((value) => value.trim().length > 0, "Write the text in Markdown.")
      .refine(
        (value) => value.length <= MARKDOWN_MAX,
        `The text can be at most ${MARKDOWN_MAX.toLocaleString("en-US")} characters.`,
      ),
  );

export const SLUG_MAX = 80;
const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+)*$/u;

/** An explicit slug, or "" to derive one from the title (see withSlug). */
export const slugInput = z
  .string()
  .transform((value) => value.normalize("NFC").trim().toLowerCase())
  .refine((value) => value === "" || (value.length <= SLUG_MAX && SLUG_PATTERN.test(value)), {
    message: `Use lowercase letters, digits and single hyphens (at most ${SLUG_MAX} characters).`,
  });

/** Fills an empty slug from the title, as the form does while the author types. */
export function withSlug<T extends { title: string; slug: string }>(value: T, ctx: z.RefinementCtx): T {
  const slug = value.slug || slugify(value.title, SLUG_MAX);
  if (!slug)
    ctx.addIssue({ code: "custom", path: ["slug"], message: "Give this a slug (letters or digits)." });
  return { ...value, slug };
}

export const checkbox = z.string().transform((value) => value === "on" || value === "true" || value === "1");
