"use client";

import { useEffect, useState } from "react";
import { fetchViewer } from "@/components/viewer/viewer-context";
import type { ViewerInfo } from "@/lib/viewer";
import { CommentActions } from "./comment-actions";
import { CommentForm, publishedInThisTab } from "./comment-form";
import { DeleteComment } from "./delete-comment";
import { PublishedComments, type PublishedComment } from "./published-comments";

/** Whether this is the viewer's own comment; asks the server once per page. */
function useOwnComment(postId: number, commentId: number, deletable: boolean): boolean {
  const [own, setOwn] = useState<number[]>([]);
  useEffect(() => {
    if (!deletable) return;
    let live = true;
    fetchViewer(postId).then((info) => live && setOwn(info?.ownCommentIds ?? []));
    return () => {
      live = false;
    };
  }, [postId, deletable]);
  return own.includes(commentId) || publishedInThisTab(commentId);
}

type SignedInCommentControlsProps = {
  viewer: ViewerInfo;
  commentId: number;
  postId: number;
  postPath: string;
  replyable: boolean;
  deletable: boolean;
};

/** Reply and Delete for a signed-in viewer; loaded only for them (see comment-controls.tsx). */
export function SignedInCommentControls({
  viewer,
  commentId,
  postId,
  postPath,
  replyable,
  deletable,
}: SignedInCommentControlsProps) {
  const own = useOwnComment(postId, commentId, deletable);
  // A hint for showing the button; the delete action decides again on the server.
  const mayDelete = deletable && (viewer.deleteAny || (own && viewer.deleteOwn));
  return (
    <CommentActions
      commentId={commentId}
      postId={postId}
      viewerName={viewer.name}
      canReply={viewer.canComment && replyable}
    >
      {mayDelete && <DeleteComment commentId={commentId} postPath={postPath} asModerator={!own} />}
    </CommentActions>
  );
}

/** "Post a comment" under the thread for a signed-in viewer, or why they cannot. */
export function SignedInCommentFooter({ viewer, postId }: { viewer: ViewerInfo; postId: number }) {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [published, setPublished] = useState<PublishedComment[]>([]);
  if (viewer.banned) return <p className="text-muted">Your account has been banned from commenting.</p>;
  if (!viewer.canComment) return <p className="text-muted">Your account cannot comment.</p>;
  return (
    <div className="no-print">
      <PublishedComments parentId={null} comments={published} />
      <h3 className="mb-2 font-semibold">Post a comment</h3>
      <CommentForm
        postId={postId}
        parentId={null}
        idempotencyKey={key}
        authorName={viewer.name}
        onPublished={(id, comment) => {
          setKey(crypto.randomUUID());
          setPublished((list) => [...list, { id, comment }]);
        }}
      />
    </div>
  );
}
