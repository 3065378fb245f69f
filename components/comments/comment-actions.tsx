"use client";

import { useState, type ReactNode } from "react";
import { CommentForm } from "@/components/comments/comment-form";
import { PublishedComments, type PublishedComment } from "@/components/comments/published-comments";

type CommentActionsProps = {
  commentId: number;
  postId: number;
  viewerName: string;
  /** What "Email me replies" starts as (the viewer's last choice). */
  notifyReplies?: boolean;
  canReply: boolean;
  /** Delete, when the viewer may. */
  children?: ReactNode;
};

/** "Reply" under a comment for a signed-in viewer: opens the form; new replies join the comment's replies. */
export function CommentActions({
  commentId,
  postId,
  viewerName,
  notifyReplies,
  canReply,
  children,
}: CommentActionsProps) {
  const [open, setOpen] = useState(false);
  const [published, setPublished] = useState<PublishedComment[]>([]);
  const formId = `reply-${commentId}`;

  return (
    <div className="no-print">
      <div className="flex flex-wrap gap-4 text-sm">
        {canReply && (
          <button
            type="button"
            className="link"
            aria-expanded={open}
            aria-controls={formId}
            onClick={() => setOpen((value) => !value)}
          >
            Reply
          </button>
        )}
        {children}
      </div>
      {canReply && open && (
        <div id={formId} className="mt-3">
          <CommentForm
            postId={postId}
            parentId={commentId}
            authorName={viewerName}
            notifyReplies={notifyReplies}
            autoFocus
            onPublished={(id, comment) => {
              setOpen(false);
              setPublished((list) => [...list, { id, comment }]);
            }}
          />
        </div>
      )}
      <PublishedComments parentId={commentId} comments={published} />
    </div>
  );
}
