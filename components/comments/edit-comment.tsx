"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { EditCommentForm } from "@/components/comments/edit-comment-form";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { idle } from "@/lib/actions/result";
import {
  editCommentAction,
  loadCommentForEditAction,
  type EditFormStart,
  type EditState,
} from "@/lib/comments/edit-actions";
import { EDIT_MESSAGES } from "@/lib/comments/messages";
import { commentAnchor, commentHref, editPagePath } from "@/lib/comments/paths";

type Editing = Extract<EditFormStart, { status: "success" }>;

/**
 * "Edit" under a comment. Without JavaScript it links to /comments/<id>/edit; with it,
 * the comment's text gives way to the form (the server says first whether the viewer
 * may, with the current text), Save renders the page afresh with the new text and
 * "edited", and focus returns to the comment with the outcome announced.
 */
export function EditComment({ commentId, postPath }: { commentId: number; postPath: string }) {
  const hydrated = useHydrated();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [loadError, setLoadError] = useState("");
  // The form closes as the save answers; the page under it is already the fresh one.
  const [state, formAction] = useActionState<EditState, FormData>(async (previous, formData) => {
    const result = await editCommentAction(previous, formData);
    if (result.status === "success") setEditing(null);
    return result;
  }, idle);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const anchor = commentAnchor(commentId);
  const returnTo = commentHref(postPath, commentId);

  // The form stands in for the text while it is open.
  useEffect(() => {
    const body = document.getElementById(`${anchor}-body`);
    if (body) body.hidden = editing !== null;
    if (editing) textareaRef.current?.focus();
  }, [editing, anchor]);

  useEffect(() => {
    if (state.status === "success") document.getElementById(anchor)?.focus();
  }, [state, anchor]);

  if (!hydrated) {
    return (
      <a href={`${editPagePath(commentId)}?returnTo=${encodeURIComponent(returnTo)}`} className="link">
        Edit
      </a>
    );
  }

  async function open() {
    setLoadError("");
    const start = await loadCommentForEditAction(String(commentId));
    if (start.status === "success") setEditing(start);
    else setLoadError(start.formError);
  }

  function cancel() {
    setEditing(null);
    triggerRef.current?.focus();
  }

  const slot = typeof document === "undefined" ? null : document.getElementById(`${anchor}-editor`);
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className="link"
        aria-expanded={editing !== null}
        onClick={() => (editing ? cancel() : open())}
      >
        Edit
      </button>
      <span role="status" className="text-muted">
        {loadError || (state.status === "success" && !editing ? EDIT_MESSAGES[state.saved ?? "saved"] : "")}
      </span>
      {editing &&
        slot &&
        createPortal(
          <div className="mt-2">
            <EditCommentForm
              action={formAction}
              state={state}
              commentId={commentId}
              body={editing.body}
              version={editing.version}
              asModerator={editing.as === "moderator"}
              returnTo={returnTo}
              textareaRef={textareaRef}
              cancel={
                <button type="button" className="text-sm link" onClick={cancel}>
                  Cancel
                </button>
              }
            />
          </div>,
          slot,
        )}
    </>
  );
}
