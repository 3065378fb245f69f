"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/actions/result";
import { deleteCommentFromPageAction, type DeleteState } from "@/lib/comments/actions";
import type { DeletionKind } from "@/lib/comments/tree";

type ConfirmDeleteFormProps = { commentId: number; returnTo: string; as: DeletionKind };

export function ConfirmDeleteForm({ commentId, returnTo, as }: ConfirmDeleteFormProps) {
  const [state, formAction] = useActionState<DeleteState, FormData>(deleteCommentFromPageAction, idle);
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <FormAlert message={state.formError} />
      {as === "moderator" && (
        <TextareaField
          id="note"
          name="note"
          label="Reason (optional, moderators only)"
          rows={2}
          defaultValue={state.values?.note}
        />
      )}
      <div className="flex items-center gap-4">
        <SubmitButton pendingText="Deleting…" variant="danger">
          Delete
        </SubmitButton>
        <Link href={returnTo} className="text-sm link">
          Cancel
        </Link>
      </div>
    </form>
  );
}
