"use server";

import { formFile, parseForm } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { attemptWrite, authorize, finish, refused } from "@/lib/actions/server";
import { postsChanged } from "@/lib/cache/revalidate";
import { createAdminPost, updateAdminPost, type PostWrite } from "@/lib/data/admin-posts";
import { parseZonedDateTime } from "@/lib/text/time-zone";
import { saveImage } from "@/lib/uploads/save-image";
import { PostSchema, type PostFormValues } from "@/lib/validations/post";
import { ADMIN_MESSAGES } from "../messages";

export type PostFormState = ActionResult<PostFormValues & { coverImage: string }>;

/**
 * Creates or updates a post, with an optional cover image upload. Order: authorize →
 * parse → upload → mutate → revalidate → redirect to the edit page. Every refusal returns
 * what was typed so nothing is lost.
 */
export async function savePostAction(_previous: PostFormState, formData: FormData): Promise<PostFormState> {
  const form = parseForm(PostSchema, formData, {
    hidden: ["postId", "intent"],
    summary: ADMIN_MESSAGES.correctFields,
  });
  const { values } = form;
  const author = await authorize("write:post");
  if (!author.ok) return refused(author.refusal, values);
  if (!form.ok) return form.result;
  const input = form.data;

  let publishedAt: Date | null = null;
  if (input.publishedAt) {
    publishedAt = parseZonedDateTime(input.publishedAt);
    if (!publishedAt)
      return { status: "error", fieldErrors: { publishedAt: ADMIN_MESSAGES.noSuchDate }, values };
  } else if (input.intent === "publish") {
    publishedAt = new Date();
  }

  let coverImageUrl = input.removeCover ? null : input.coverImageUrl;
  const file = formFile(formData, "coverImage");
  if (file) {
    // The upload store may be the database, which another process can hold locked.
    const saved = await attemptWrite(() => saveImage(file));
    if ("reason" in saved) return refused("busy", values);
    if (!saved.ok) return { status: "error", fieldErrors: { coverImage: saved.error }, values };
    coverImageUrl = saved.url;
  }
  // A stored upload is kept in the form so a retry does not need the file again.
  const kept = { ...values, slug: input.slug, coverImageUrl: coverImageUrl ?? "", removeCover: "" };

  const write: PostWrite = {
    slug: input.slug,
    title: input.title,
    standfirst: input.standfirst,
    byline: input.byline,
    sourceName: input.sourceName,
    coverImageUrl,
    coverImageAlt: coverImageUrl ? input.coverImageAlt : null,
    coverImageCaption: coverImageUrl ? input.coverImageCaption : null,
    bodyMarkdown: input.bodyMarkdown,
    status: input.intent === "publish" ? "published" : "draft",
    publishedAt,
    commentsEnabled: input.commentsEnabled,
    labels: input.labels,
  };
  const result = await attemptWrite(() =>
    input.postId === null
      ? createAdminPost(write, author.user.id)
      : updateAdminPost(input.postId, write, author.user.id),
  );
  if (!result.ok) {
    if (result.reason === "busy") return refused("busy", kept);
    if (result.reason === "slug-taken")
      return { status: "error", fieldErrors: { slug: ADMIN_MESSAGES.slugTaken }, values: kept };
    return { status: "error", formError: ADMIN_MESSAGES.postGone, values: kept };
  }

  postsChanged();
  // The edit page shows what was stored, with or without JavaScript.
  return finish(
    { status: "success" },
    { redirectTo: `/admin/posts/${result.id}`, notice: "saved", always: true },
  );
}
