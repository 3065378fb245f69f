"use server";

import { postsChanged } from "@/lib/cache/revalidate";
import { redirect } from "next/navigation";
import { getOptionalUser, requirePermission } from "@/lib/auth/guards";
import { createAdminPage, updateAdminPage, type PageWrite } from "@/lib/data/admin-pages";
import { firstFieldErrors, textFields, type FormState } from "@/lib/forms";
import { PAGE_FIELDS, PageSchema, type PageFormValues } from "@/lib/validations/page";

export type PageFormState = FormState<PageFormValues>;

/** Creates or updates a static page: authenticate → parse → authorize → mutate → revalidate → redirect. */
export async function savePageAction(_previous: PageFormState, formData: FormData): Promise<PageFormState> {
  const values = textFields(formData, PAGE_FIELDS);
  const user = await getOptionalUser();
  if (!user)
    return {
      status: "error",
      formError: "You are signed out. Sign in again in another tab, then save; your text is kept here.",
      values,
    };

  const parsed = PageSchema.safeParse(values);
  requirePermission(user, "write:post");
  if (!parsed.success)
    return {
      status: "error",
      fieldErrors: firstFieldErrors(parsed.error),
      formError: "Please correct the marked fields.",
      values,
    };
  const input = parsed.data;

  const write: PageWrite = {
    slug: input.slug,
    title: input.title,
    bodyMarkdown: input.bodyMarkdown,
    navOrder: input.navOrder,
    published: input.published,
  };
  const result =
    input.pageId === null ? await createAdminPage(write) : await updateAdminPage(input.pageId, write);
  if (!result.ok) {
    if (result.reason === "slug-taken")
      return {
        status: "error",
        fieldErrors: { slug: "That slug is taken" },
        values: { ...values, slug: input.slug },
      };
    return { status: "error", formError: "This page no longer exists.", values };
  }

  // The "Pages" navigation is in the blog layout: every blog page shows it.
  postsChanged();
  redirect(`/admin/pages/${result.id}?saved=1`);
}
