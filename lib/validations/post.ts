import { z } from "zod";
import type { FormValues } from "@/lib/actions/form";
import { slugify } from "@/lib/text/slugify";
import {
  checkbox,
  lineText,
  markdownText,
  optionalLine,
  slugInput,
  withSlug,
} from "@/lib/validations/authoring";
import { OptionalIdSchema } from "@/lib/validations/ids";

export const LABELS_MAX = 20;
export const LABEL_MAX = 50;

/** "World, Asia , world" → ["World", "Asia"]: comma-separated, duplicates (by slug) dropped. */
const labelList = z.string().transform((value, ctx) => {
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const raw of value.split(",")) {
    const name = raw.normalize("NFC").replace(/\s+/g, " ").trim();
    if (!name) continue;
    const slug = slugify(name);
    if (name.length > LABEL_MAX || !slug) {
      ctx.addIssue({
        code: "custom",
        message: `Labels need a letter or digit and at most ${LABEL_MAX} characters: “${name.slice(0, 60)}”.`,
      });
      return z.NEVER;
    }
    if (seen.has(slug)) continue;
    seen.add(slug);
    labels.push(name);
  }
  if (labels.length > LABELS_MAX) ctx.addIssue({ code: "custom", message: `At most ${LABELS_MAX} labels.` });
  return labels;
});

/** Our own uploads, a site-relative path, or an http(s) URL: never javascript:, data: etc. */
const imageUrl = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (value) => value === "" || /^\/(?![/\\])[^\s\\]*$/.test(value) || /^https?:\/\/[^\s\\]+$/i.test(value),
    "Not an image address we can use.",
  )
  .transform((value) => value || null);

/** The datetime-local text; the action turns it into an instant in the blog's zone. */
const localDateTime = z
  .string()
  .trim()
  .refine(
    (value) => value === "" || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value),
    "Pick a date and time.",
  );

export const PostSchema = z
  .object({
    postId: OptionalIdSchema,
    title: lineText("The title", 200).refine((value) => value.length > 0, "Give the post a title."),
    slug: slugInput,
    standfirst: optionalLine("The standfirst", 500),
    byline: optionalLine("The byline", 120),
    sourceName: optionalLine("The source", 120),
    labels: labelList,
    coverImageUrl: imageUrl,
    removeCover: checkbox,
    coverImageAlt: optionalLine("The image description", 300),
    coverImageCaption: optionalLine("The caption", 500),
    bodyMarkdown: markdownText,
    publishedAt: localDateTime,
    commentsEnabled: checkbox,
    intent: z.enum(["draft", "publish"], "Choose to save a draft or publish."),
  })
  .transform(withSlug);

export type PostInput = z.infer<typeof PostSchema>;

export type PostFormValues = FormValues<typeof PostSchema>;
