"use server";

import { parseForm } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { attemptWrite, authorize, finish, refused } from "@/lib/actions/server";
import { postsChanged } from "@/lib/cache/revalidate";
import { createAdminPage, updateAdminPage, type PageWrite } from "@/lib/data/admin-pages";
import { PageSchema, type PageFormValues } from "@/lib/validations/page";
import { ADMIN_MESSAGES } from "../messages";

export type PageFormState = ActionResult<PageFormValues>;

/** Creates or updates a static page: authorize → parse → mutate → revalidate → redirect. */
export async function savePageAction(_previous: PageFormState, formData: FormData): Promise<PageFormState> {
  const form = parseForm(PageSchema, formData, { hidden: ["pageId"], summary: ADMIN_MESSAGES.correctFields });
  const { values } = form;
  const author = await authorize("write:post");
  if (!author.ok) return refused(author.refusal, values);
  if (!form.ok) return form.result;
  const input = form.data;

  const write: PageWrite = {
    slug: input.slug,
    title: input.title,
    bodyMarkdown: input.bodyMarkdown,
    navOrder: input.navOrder,
    published: input.published,
  };
  const result = await attemptWrite(() =>
    input.pageId === null ? createAdminPage(write) : updateAdminPage(input.pageId, write),
  );
  if (!result.ok) {
    if (result.reason === "busy") return refused("busy", values);
    if (result.reason === "slug-taken")
      return {
        status: "error",
        fieldErrors: { slug: ADMIN_MESSAGES.slugTaken },
        values: { ...values, slug: input.slug },
      };
    return { status: "error", formError: ADMIN_MESSAGES.pageGone, values };
  }

  // The "Pages" navigation is in the blog layout: every blog page shows it.
  postsChanged();
  return finish(
    { status: "success" },
    { redirectTo: `/admin/pages/${result.id}`, notice: "saved", always: true },
  );
}
