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
  const [state, formAction] = useActionState<DeleteState, FormData>(deleteCommentAction, idle);
  const returnTo = commentHref(postPath, commentId);

  const deleted = useRef(false);
  useEffect(() => {
    if (state.status !== "success") return;
    deleted.current = true;
    dialogRef.current?.close();
    // The refreshed thread arrives after this: focus waits for it (the tombstone, or
    // the comment in its place), instead of falling to <body> with the Delete button.
    focusAfterDelete(commentAnchor(commentId));
  }, [state, commentId]);

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
