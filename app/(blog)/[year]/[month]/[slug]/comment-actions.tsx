"use client";

import { useState, type ReactNode } from "react";
import { CommentForm } from "./comment-form";
import { PublishedComments, type PublishedComment } from "./published-comments";

type CommentActionsProps = {
  commentId: number;
  postId: number;
  viewerName: string;
  canReply: boolean;
  /** Delete, when the viewer may. */
  children?: ReactNode;
};

/** "Reply" under a comment for a signed-in viewer: opens the form; new replies join the comment's replies. */
export function CommentActions({ commentId, postId, viewerName, canReply, children }: CommentActionsProps) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const [published, setPublished] = useState<PublishedComment[]>([]);
  const formId = `reply-${commentId}`;

  function toggle() {
    if (!key) setKey(crypto.randomUUID());
    setOpen((value) => !value);
  }

  return (
    <div className="no-print">
      <div className="flex flex-wrap gap-4 text-sm">
        {canReply && (
          <button type="button" className="link" aria-expanded={open} aria-controls={formId} onClick={toggle}>
            Reply
          </button>
        )}
        {children}
      </div>
      {canReply && open && key && (
        <div id={formId} className="mt-3">
          <CommentForm
            postId={postId}
            parentId={commentId}
            idempotencyKey={key}
            authorName={viewerName}
            autoFocus
            onPublished={(id, comment) => {
              setOpen(false);
              setKey(null);
              setPublished((list) => [...list, { id, comment }]);
            }}
          />
        </div>
      )}
      <PublishedComments parentId={commentId} comments={published} />
    </div>
  );
}
