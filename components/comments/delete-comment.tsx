"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { DeleteCommentForm } from "@/components/comments/delete-comment-form";
import { focusAfterDelete } from "@/components/comments/focus-after-delete";
import { idle } from "@/lib/actions/result";
import { deleteCommentAction, type DeleteState } from "@/lib/comments/actions";
import { deletionWarning } from "@/lib/comments/messages";
import { commentAnchor, commentHref } from "@/lib/comments/paths";
import type { DeletionKind } from "@/lib/comments/tree";

type DeleteCommentProps = {
  commentId: number;
  postPath: string;
  /** As the comment's author or as a moderator (lib/auth/permissions.ts#mayDeleteComment). */
  as: DeletionKind;
};

/**
 * "Delete" under a comment. Without JavaScript it links to a confirmation page; with
 * it, a modal dialog asks for confirmation and the thread updates in place.
 */
export function DeleteComment({ commentId, postPath, as }: DeleteCommentProps) {
  const hydrated = useHydrated();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const deleted = useRef(false);
  // Focus is moved from here, not from an effect: the refreshed page that comes with
  // the answer removes this component (a tombstone has no Delete) in the same render.
  const [state, formAction] = useActionState<DeleteState, FormData>(async (previous, formData) => {
    const result = await deleteCommentAction(previous, formData);
    if (result.status === "success") {
      deleted.current = true;
      focusAfterDelete(commentAnchor(commentId));
    }
    return result;
  }, idle);
  const returnTo = commentHref(postPath, commentId);

  useEffect(() => {
    if (state.status === "success") dialogRef.current?.close();
  }, [state]);

  if (!hydrated) {
    return (
      <a
        href={`/comments/${commentId}/delete?returnTo=${encodeURIComponent(returnTo)}`}
        className="text-danger underline"
      >
        Delete
      </a>
    );
  }

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className="text-danger underline"
        onClick={() => dialogRef.current?.showModal()}
      >
        Delete
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={headingId}
        className="m-auto w-[min(32rem,calc(100%-2rem))] rounded-lg bg-page p-6 text-ink shadow-xl backdrop:bg-black/50"
        onClose={() => !deleted.current && triggerRef.current?.isConnected && triggerRef.current.focus()}
      >
        <h2 id={headingId} className="font-serif text-xl font-bold">
          Delete this comment?
        </h2>
        <p className="mt-2 text-sm text-muted">{deletionWarning(as)}</p>
        <DeleteCommentForm
          action={formAction}
          state={state}
          commentId={commentId}
          returnTo={returnTo}
          as={as}
          className="mt-4 space-y-3"
          cancel={
            <button type="button" className="text-sm link" onClick={() => dialogRef.current?.close()}>
              Cancel
            </button>
          }
        />
      </dialog>
    </>
  );
}
