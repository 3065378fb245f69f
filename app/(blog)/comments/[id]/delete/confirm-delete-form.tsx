"use client";

import Link from "next/link";
import { useActionState } from "react";
import { DeleteCommentForm } from "@/components/comments/delete-comment-form";
import { idle } from "@/lib/actions/result";
import { deleteCommentFromPageAction, type DeleteState } from "@/lib/comments/actions";
import type { DeletionKind } from "@/lib/comments/tree";

type ConfirmDeleteFormProps = { commentId: number; returnTo: string; as: DeletionKind };

export function ConfirmDeleteForm({ commentId, returnTo, as }: ConfirmDeleteFormProps) {
  const [state, formAction] = useActionState<DeleteState, FormData>(deleteCommentFromPageAction, idle);
  return (
    <DeleteCommentForm
      action={formAction}
      state={state}
      commentId={commentId}
      returnTo={returnTo}
      as={as}
      className="mt-6 space-y-4"
      cancel={
        <Link href={returnTo} className="text-sm link">
          Cancel
        </Link>
      }
    />
  );
}
