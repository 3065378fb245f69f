"use client";

import { useActionState, useRef } from "react";
import { useFocusFirstError } from "@/components/admin/focus-first-error";
import { IntentButton } from "@/components/admin/intent-button";
import { MarkdownEditor } from "@/components/admin/markdown-editor";
import { TitleSlugFields } from "@/components/admin/title-slug-fields";
import { InputField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { PostFormValues } from "@/lib/validations/post";
import { savePostAction, type PostFormState } from "./actions";

type PostFormProps = {
  initial: PostFormValues;
  published: boolean;
  timeZone: string;
};

/** The post editor. Works without JavaScript; with it, the slug and preview are live. */
export function PostForm({ initial, published, timeZone }: PostFormProps) {
  const [state, formAction] = useActionState<PostFormState, FormData>(savePostAction, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  const v = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};
  const isNew = initial.postId === "";

  return (
    <form ref={formRef} action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="postId" value={initial.postId} />
      <FormAlert message={state.formError} />
      <TitleSlugFields
        title={v.title}
        slug={v.slug}
        errors={errors}
        autoSlug={isNew}
        slugHint={
          published
            ? "Changing it keeps the old address working: readers are redirected."
            : "Part of the address: /YYYY/MM/slug."
        }
      />
      <InputField
        id="standfirst"
        name="standfirst"
        label="Standfirst"
        defaultValue={v.standfirst}
        maxLength={500}
        error={errors.standfirst}
        hint="One or two sentences under the title."
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <InputField
          id="byline"
          name="byline"
          label="Byline"
          defaultValue={v.byline}
          maxLength={120}
          error={errors.byline}
        />
        <InputField
          id="sourceName"
          name="sourceName"
          label="Source"
          defaultValue={v.sourceName}
          maxLength={120}
          error={errors.sourceName}
        />
      </div>
      <InputField
        id="labels"
        name="labels"
        label="Labels"
        defaultValue={v.labels}
        error={errors.labels}
        hint="Separate labels with commas, e.g. World, Asia."
      />

      <fieldset className="space-y-4 rounded border border-line p-4">
        <legend className="px-1 text-sm font-semibold">Cover image</legend>
        <input type="hidden" name="coverImageUrl" value={v.coverImageUrl} />
        {v.coverImageUrl && (
          <div className="space-y-2">
            {/* eslint-disable-next-line @next/next/no-img-element -- uploads are plain files */}
            <img src={v.coverImageUrl} alt="Current cover image" className="max-h-40 rounded" />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="removeCover" defaultChecked={v.removeCover === "on"} /> Remove the
              cover image
            </label>
          </div>
        )}
        <InputField
          id="coverImage"
          name="coverImage"
          type="file"
          label={v.coverImageUrl ? "Replace with an upload" : "Upload an image"}
          accept="image/jpeg,image/png,image/gif,image/webp"
          error={errors.coverImage}
          hint="JPEG, PNG, GIF or WebP."
        />
        <InputField
          id="coverImageAlt"
          name="coverImageAlt"
          label="Image description (alt text)"
          defaultValue={v.coverImageAlt}
          maxLength={300}
          error={errors.coverImageAlt}
        />
        <InputField
          id="coverImageCaption"
          name="coverImageCaption"
          label="Caption"
          defaultValue={v.coverImageCaption}
          maxLength={500}
          error={errors.coverImageCaption}
        />
      </fieldset>

      <MarkdownEditor
        id="bodyMarkdown"
        name="bodyMarkdown"
        label="Text"
        defaultValue={v.bodyMarkdown}
        error={errors.bodyMarkdown}
      />

      <InputField
        id="publishedAt"
        name="publishedAt"
        type="datetime-local"
        label="Publish date"
        defaultValue={v.publishedAt}
        error={errors.publishedAt}
        hint={`In the blog's time zone (${timeZone}). Empty: now, when you publish. A future time schedules the post.`}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="commentsEnabled" defaultChecked={v.commentsEnabled === "on"} /> Allow
        comments
      </label>

      <div className="flex flex-wrap gap-3">
        <IntentButton name="intent" value="publish" primary>
          {published ? "Update" : "Publish"}
        </IntentButton>
        <IntentButton name="intent" value="draft">
          {published ? "Unpublish" : "Save draft"}
        </IntentButton>
      </div>
    </form>
  );
}
