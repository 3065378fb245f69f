"use client";

import type { ReactNode, Ref } from "react";
import { TextareaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { EditState } from "@/lib/comments/edit-actions";
import { COMMENT_MAX } from "@/lib/validations/comment";

type EditCommentFormProps = {
  action: (formData: FormData) => void;
  state: EditState;
  commentId: number;
  body: string;
  version: number;
  /** A moderator editing someone else's comment says why. */
  asModerator: boolean;
  returnTo: string;
  cancel: ReactNode;
  textareaRef?: Ref<HTMLTextAreaElement>;
};

/** The edit form, the same in place (JavaScript) and on /comments/<id>/edit. */
export function EditCommentForm(props: EditCommentFormProps) {
  const { action, state, commentId, body, version, asModerator, returnTo, cancel, textareaRef } = props;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <FormAlert message={state.formError} />
      <TextareaField
        ref={textareaRef}
        id={`edit-body-${commentId}`}
        name="body"
        label="Edit your comment"
        rows={5}
        maxLength={COMMENT_MAX * 2}
        defaultValue={state.values?.body ?? body}
        error={state.fieldErrors?.body}
      />
      {asModerator ? (
        <TextareaField
          id={`edit-note-${commentId}`}
          name="note"
          label="Why are you editing this comment? (moderators see this; readers see only “edited”)"
          rows={2}
          required
          defaultValue={state.values?.note}
          error={state.fieldErrors?.note}
        />
      ) : (
        <input type="hidden" name="note" value="" />
      )}
      <div className="flex items-center gap-4">
        <SubmitButton pendingText="Saving…">Save</SubmitButton>
        {cancel}
      </div>
    </form>
  );
}
