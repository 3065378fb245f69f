"use server";

import { postsChanged } from "@/lib/cache/revalidate";
import { redirect } from "next/navigation";
import { getOptionalUser, requirePermission } from "@/lib/auth/guards";
import { createAdminPost, updateAdminPost, type PostWrite } from "@/lib/data/admin-posts";
import { firstFieldErrors, textFields, type FormState } from "@/lib/forms";
import { parseZonedDateTime } from "@/lib/text/time-zone";
import { saveImage } from "@/lib/uploads/store";
import { POST_FIELDS, PostSchema, type PostFormValues } from "@/lib/validations/post";

export type PostFormState = FormState<PostFormValues & { coverImage: string }>;

/**
 * Creates or updates a post, with an optional cover image upload. Order: authenticate
 * → parse → authorize → upload → mutate → revalidate → redirect. Every refusal returns
 * what was typed so nothing is lost.
 */
export async function savePostAction(_previous: PostFormState, formData: FormData): Promise<PostFormState> {
  const values = textFields(formData, POST_FIELDS);
  const user = await getOptionalUser();
  if (!user)
    return {
      status: "error",
      formError: "You are signed out. Sign in again in another tab, then save; your text is kept here.",
      values,
    };

  const parsed = PostSchema.safeParse(values);
  requirePermission(user, "write:post");
  if (!parsed.success)
    return {
      status: "error",
      fieldErrors: firstFieldErrors(parsed.error),
      formError: "Please correct the marked fields.",
      values,
    };
  const input = parsed.data;

  let publishedAt: Date | null = null;
  if (input.publishedAt) {
    publishedAt = parseZonedDateTime(input.publishedAt);
    if (!publishedAt)
      return { status: "error", fieldErrors: { publishedAt: "That date does not exist." }, values };
  } else if (input.intent === "publish") {
    publishedAt = new Date();
  }

  let coverImageUrl = input.removeCover ? null : input.coverImageUrl;
  const file = formData.get("coverImage");
  if (file instanceof File && file.size > 0) {
    const saved = await saveImage(file);
    if (!saved.ok) return { status: "error", fieldErrors: { coverImage: saved.error }, values };
    coverImageUrl = saved.url;
  }

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
  const result =
    input.postId === null
      ? await createAdminPost(write, user.id)
      : await updateAdminPost(input.postId, write);
  if (!result.ok) {
    // A stored upload is kept in the form so a retry does not need the file again.
    const kept = { ...values, slug: input.slug, coverImageUrl: coverImageUrl ?? "", removeCover: "" };
    if (result.reason === "slug-taken")
      return { status: "error", fieldErrors: { slug: "That slug is taken" }, values: kept };
    return { status: "error", formError: "This post no longer exists.", values: kept };
  }

  // Home, archives, labels, feeds and the post itself all show posts.
  postsChanged();
  redirect(`/admin/posts/${result.id}?saved=1`);
}
