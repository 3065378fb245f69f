import { z } from "zod";
import { checkbox, IdSchema, lineText, markdownText, slugInput, withSlug } from "@/lib/validations/authoring";

export const PageSchema = z
  .object({
    pageId: z.union([z.literal("").transform(() => null), IdSchema]),
    title: lineText("The title", 120).refine((value) => value.length > 0, "Give the page a title."),
    slug: slugInput,
    bodyMarkdown: markdownText,
    navOrder: z
      .string()
      .trim()
      .regex(/^-?\d{1,4}$/, "Use a whole number from -9999 to 9999.")
      .transform(Number),
    published: checkbox,
  })
  .transform(withSlug);

export type PageInput = z.infer<typeof PageSchema>;

export const PAGE_FIELDS = ["pageId", "title", "slug", "bodyMarkdown", "navOrder", "published"] as const;

export type PageFormValues = Record<(typeof PAGE_FIELDS)[number], string>;
