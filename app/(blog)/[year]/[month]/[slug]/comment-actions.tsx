"use client";

import { useState } from "react";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { CommentForm } from "./comment-form";

type CommentActionsProps = {
  commentId: number;
  postId: number;
  viewerName: string | null;
  canReply: boolean;
  /** Where a signed-out reader goes to reply (sign-in, then back to this comment). */
  signInHref: string | null;
  /** Open on arrival (the no-JavaScript "Reply" link, or returning from sign-in). */
  replyOpen: boolean;
  /** Server-made key for a form rendered open; opened later, the browser makes one. */
  idempotencyKey: string | null;
  children?: React.ReactNode;
};

/** "Reply" under a comment: a link without JavaScript, a toggle with it. */
export function CommentActions(props: CommentActionsProps) {
  const { commentId, postId, viewerName, canReply, signInHref, replyOpen, idempotencyKey, children } = props;
  const [open, setOpen] = useState(replyOpen);
  const [key, setKey] = useState(idempotencyKey);
  const hydrated = useHydrated();
  const formId = `reply-${commentId}`;

  function toggle() {
    if (!key) setKey(crypto.randomUUID());
    setOpen((value) => !value);
  }

  return (
    <div className="no-print">
      <div className="flex flex-wrap gap-4 text-sm">
        {canReply &&
          (hydrated ? (
            <button type="button" className="link" aria-expanded={open} aria-controls={formId} onClick={toggle}>
              Reply
            </button>
          ) : (
            <a href={`?replyTo=${commentId}#${formId}`} className="link">
              Reply
            </a>
          ))}
        {signInHref && (
          <a href={signInHref} className="link">
            Sign in to reply
          </a>
        )}
        {children}
      </div>
      {canReply && open && key && viewerName && (
        <div id={formId} className="mt-3">
          <CommentForm
            postId={postId}
            parentId={commentId}
            idempotencyKey={key}
            authorName={viewerName}
            autoFocus={hydrated}
            onPublished={() => {
              setOpen(false);
              setKey(null);
            }}
          />
        </div>
      )}
    </div>
  );
}
