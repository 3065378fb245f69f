import type { ReactNode } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { DeleteState } from "@/lib/comments/actions";
import type { DeletionKind } from "@/lib/comments/tree";

type DeleteCommentFormProps = {
  action: (formData: FormData) => void;
  state: DeleteState;
  commentId: number;
  returnTo: string;
  as: DeletionKind;
  /** The way back: a dialog's close button, or a link on the confirmation page. */
  cancel: ReactNode;
  className?: string;
};

/** The confirmation form, the same in the dialog and on the page without JavaScript. */
export function DeleteCommentForm({
  action,
  state,
  commentId,
  returnTo,
  as,
  cancel,
  className,
}: DeleteCommentFormProps) {
  return (
    <form action={action} className={className}>
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <FormAlert message={state.formError} />
      {/* A moderator may say why: kept with the comment and in the moderation log. */}
      {as === "moderator" && (
        <TextareaField
          id={`note-${commentId}`}
          name="note"
          label="Reason (optional)"
          rows={2}
          defaultValue={state.values?.note}
        />
      )}
      <div className="flex items-center gap-4">
        <SubmitButton pendingText="Deleting…" variant="danger">
          Delete
        </SubmitButton>
        {cancel}
      </div>
    </form>
  );
}
