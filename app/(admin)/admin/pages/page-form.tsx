"use client";

import { useActionState, useRef } from "react";
import { useFocusFirstError } from "@/components/admin/focus-first-error";
import { MarkdownEditor } from "@/components/admin/markdown-editor";
import { TitleSlugFields } from "@/components/admin/title-slug-fields";
import { InputField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { PageFormValues } from "@/lib/validations/page";
import { savePageAction, type PageFormState } from "./actions";

/** The static page editor: title, slug, Markdown with preview, nav order, published. */
export function PageForm({ initial }: { initial: PageFormValues }) {
  const [state, formAction] = useActionState<PageFormState, FormData>(savePageAction, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  const v = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};

  return (
    <form ref={formRef} action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="pageId" value={initial.pageId} />
      <FormAlert message={state.formError} />
      <TitleSlugFields
        title={v.title}
        slug={v.slug}
        errors={errors}
        autoSlug={initial.pageId === ""}
        slugHint="The page's address: /p/slug."
      />
      <MarkdownEditor
        id="bodyMarkdown"
        name="bodyMarkdown"
        label="Text"
        defaultValue={v.bodyMarkdown}
        error={errors.bodyMarkdown}
      />
      <InputField
        id="navOrder"
        name="navOrder"
        type="number"
        inputMode="numeric"
        label="Position in the Pages menu"
        defaultValue={v.navOrder}
        error={errors.navOrder}
        hint="Lower numbers come first."
        className="w-32 rounded border border-line bg-page px-3 py-2 text-base"
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="published" defaultChecked={v.published === "on"} /> Published (shown in
        the Pages menu)
      </label>
      <SubmitButton pendingText="Saving…">Save page</SubmitButton>
    </form>
  );
}
