"use client";

import { useEffect, useState } from "react";
import { fetchViewer } from "@/components/viewer/viewer-context";
import { CommentActions } from "@/components/comments/comment-actions";
import { CommentForm, publishedInThisTab } from "@/components/comments/comment-form";
import { DeleteComment } from "@/components/comments/delete-comment";
import { LikeButton } from "@/components/comments/like-button";
import { LikeCount } from "@/components/comments/like-link";
import { HeldComments } from "@/components/comments/held-comments";
import { PublishedComments, type PublishedComment } from "@/components/comments/published-comments";
import { can, mayDeleteComment } from "@/lib/auth/permissions";
import { commentFormRefusal } from "@/lib/comments/messages";
import type { CommentSort } from "@/lib/comments/sort";
import type { ViewerInfo } from "@/lib/viewer";

/**
 * Whether this is the viewer's own comment, and whether they like it (undefined until
 * the server said); asks the server once per page, however many comments ask.
 */
function useViewerComment(postId: number, commentId: number): { own: boolean; liked: boolean | undefined } {
  const [info, setInfo] = useState<{ own: number[]; liked: number[] } | null>(null);
  useEffect(() => {
    let live = true;
    fetchViewer(postId).then(
      (viewer) => live && setInfo({ own: viewer?.ownCommentIds ?? [], liked: viewer?.likedCommentIds ?? [] }),
    );
    return () => {
      live = false;
    };
  }, [postId]);
  return {
    own: (info?.own.includes(commentId) ?? false) || publishedInThisTab(commentId),
    liked: info ? info.liked.includes(commentId) : undefined,
  };
}

type SignedInCommentControlsProps = {
  viewer: ViewerInfo;
  commentId: number;
  postId: number;
  postPath: string;
  replyable: boolean;
  deletable: boolean;
  likeable: boolean;
  likeCount: number;
  sort: CommentSort;
};

/** Reply, Like and Delete for a signed-in viewer; loaded only for them (see comment-controls.tsx). */
export function SignedInCommentControls({
  viewer,
  commentId,
  postId,
  postPath,
  replyable,
  deletable,
  likeable,
  likeCount,
  sort,
}: SignedInCommentControlsProps) {
  const { own, liked } = useViewerComment(postId, commentId);
  // A hint for showing the button; the delete action decides again on the server.
  const deleteAs = deletable ? mayDeleteComment(viewer, { own }) : null;
  return (
    <CommentActions
      commentId={commentId}
      postId={postId}
      viewerName={viewer.name}
      canReply={can(viewer, "create:comment") && replyable}
    >
      {likeable &&
        (!own && can(viewer, "like:comment") ? (
          <LikeButton commentId={commentId} sort={sort} likeCount={likeCount} liked={liked} />
        ) : (
          <LikeCount likeCount={likeCount} />
        ))}
      {deleteAs && <DeleteComment commentId={commentId} postPath={postPath} as={deleteAs} />}
    </CommentActions>
  );
}

/** "Post a comment" under the thread for a signed-in viewer, or why they cannot. */
export function SignedInCommentFooter({ viewer, postId }: { viewer: ViewerInfo; postId: number }) {
  const [published, setPublished] = useState<PublishedComment[]>([]);
  const refusal = commentFormRefusal(viewer);
  if (refusal) return <p className="text-muted">{refusal}</p>;
  return (
    <div className="no-print">
      <HeldComments postId={postId} />
      <PublishedComments parentId={null} comments={published} />
      <h3 className="mb-2 font-semibold">Post a comment</h3>
      <CommentForm
        postId={postId}
        parentId={null}
        authorName={viewer.name}
        onPublished={(id, comment) => {
          setPublished((list) => [...list, { id, comment }]);
        }}
      />
    </div>
  );
}
