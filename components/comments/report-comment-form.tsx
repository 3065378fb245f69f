"use client";

import type { ReactNode } from "react";
import { TextareaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ReportState } from "@/lib/comments/report-actions";
import { REPORT_NOTE_MAX, REPORT_REASON_LABELS, REPORT_REASONS } from "@/lib/validations/comment";

type ReportCommentFormProps = {
  action: (formData: FormData) => void;
  state: ReportState;
  commentId: number;
  returnTo: string;
  cancel: ReactNode;
};

/** Why a reader reports a comment, the same in the dialog and on /comments/<id>/report. */
export function ReportCommentForm({ action, state, commentId, returnTo, cancel }: ReportCommentFormProps) {
  const chosen = state.values?.reason;
  const reasonError = state.fieldErrors?.reason;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <FormAlert message={state.formError} />
      <fieldset aria-describedby={reasonError ? `report-reason-error-${commentId}` : undefined}>
        <legend className="text-sm font-semibold">What is wrong with it?</legend>
        {REPORT_REASONS.map((reason, index) => (
          <label key={reason} className="mt-1 flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="reason"
              value={reason}
              defaultChecked={chosen ? chosen === reason : index === 0}
            />
            {REPORT_REASON_LABELS[reason]}
          </label>
        ))}
        {reasonError && (
          <p id={`report-reason-error-${commentId}`} className="mt-1 text-sm text-danger" aria-live="polite">
            {reasonError}
          </p>
        )}
      </fieldset>
      <TextareaField
        id={`report-note-${commentId}`}
        name="note"
        label="Anything moderators should know (needed for “Something else”)"
        hint={`Up to ${REPORT_NOTE_MAX} characters. The author is never told who reported it.`}
        rows={3}
        defaultValue={state.values?.note}
        error={state.fieldErrors?.note}
      />
      <div className="flex items-center gap-4">
        <SubmitButton pendingText="Sending…">Send report</SubmitButton>
        {cancel}
      </div>
    </form>
  );
}
