"use client";

import { useActionState } from "react";
import { EditCommentForm } from "@/components/comments/edit-comment-form";
import { idle } from "@/lib/actions/result";
import { editCommentFromPageAction, type EditState } from "@/lib/comments/edit-actions";

type EditPageFormProps = {
  commentId: number;
  body: string;
  version: number;
  asModerator: boolean;
  returnTo: string;
};

/** The edit form on its own page: a plain form post without JavaScript, the same action either way. */
export function EditPageForm(props: EditPageFormProps) {
  const [state, formAction] = useActionState<EditState, FormData>(editCommentFromPageAction, idle);
  return (
    <EditCommentForm
      {...props}
      action={formAction}
      state={state}
      cancel={
        <a href={props.returnTo} className="text-sm link">
          Cancel
        </a>
      }
    />
  );
}
