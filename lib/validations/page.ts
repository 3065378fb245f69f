import { z } from "zod";
import type { FormValues } from "@/lib/actions/form";
import { checkbox, lineText, markdownText, slugInput, withSlug } from "@/lib/validations/authoring";
import { OptionalIdSchema } from "@/lib/validations/ids";

export const PageSchema = z
  .object({
    pageId: OptionalIdSchema,
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

export type PageFormValues = FormValues<typeof PageSchema>;
