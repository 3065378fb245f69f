"use client";

import { useEffect, useState } from "react";
import { fetchViewer } from "@/components/viewer/viewer-context";
import { CommentActions } from "@/components/comments/comment-actions";
import { CommentForm, publishedInThisTab } from "@/components/comments/comment-form";
import { DeleteComment } from "@/components/comments/delete-comment";
import { EditComment } from "@/components/comments/edit-comment";
import { FollowDiscussion } from "@/components/comments/follow-discussion";
import { LikeButton } from "@/components/comments/like-button";
import { LikeCount } from "@/components/comments/like-link";
import { ReportComment } from "@/components/comments/report-comment";
import { commentHistoryPath } from "@/lib/comments/paths";
import { HeldComments } from "@/components/comments/held-comments";
import { PublishedComments, type PublishedComment } from "@/components/comments/published-comments";
import { can, mayDeleteComment } from "@/lib/auth/permissions";
import { commentFormRefusal } from "@/lib/comments/messages";
import type { CommentSort } from "@/lib/comments/sort";
import type { ViewerInfo } from "@/lib/viewer";

type ViewerComment = { own: boolean; editable: boolean; liked: boolean };

/**
 * Whether this is the viewer's own comment, whether they may still edit it and whether
 * they like it; asks the server once per page, however many comments ask. Null until it
 * has answered (no Report flashes on one's own, no Like shows the wrong state).
 */
function useViewerComment(postId: number, commentId: number): ViewerComment | null {
  const [lists, setLists] = useState<{ own: number[]; editable: number[]; liked: number[] } | null>(null);
  useEffect(() => {
    let current = true;
    fetchViewer(postId).then(
      (info) =>
        current &&
        setLists({
          own: info?.ownCommentIds ?? [],
          editable: info?.editableCommentIds ?? [],
          liked: info?.likedCommentIds ?? [],
        }),
    );
    return () => {
      current = false;
    };
  }, [postId]);
  if (publishedInThisTab(commentId)) return { own: true, editable: true, liked: false };
  return (
    lists && {
      own: lists.own.includes(commentId),
      editable: lists.editable.includes(commentId),
      liked: lists.liked.includes(commentId),
    }
  );
}

type SignedInCommentControlsProps = {
  viewer: ViewerInfo;
  commentId: number;
  postId: number;
  postPath: string;
  replyable: boolean;
  deletable: boolean;
  /** Edited at least once: a moderator gets its History. */
  edited?: boolean;
  /** Shown as a held comment to this viewer (someone else's is not edited, only approved). */
  held?: boolean;
  /** Live and published: it takes likes, and shows its count. */
  likeable: boolean;
  likeCount: number;
  /** The order the page is read in, for the way back after a like without JavaScript. */
  sort: CommentSort;
};

/** Reply, Like, Edit, Delete and Report for a signed-in viewer; loaded only for them (see comment-controls.tsx). */
export function SignedInCommentControls({
  viewer,
  commentId,
  postId,
  postPath,
  replyable,
  deletable,
  edited = false,
  held = false,
  likeable,
  likeCount,
  sort,
}: SignedInCommentControlsProps) {
  const mine = useViewerComment(postId, commentId);
  const own = mine?.own ?? false;
  // Hints for showing the buttons; each action decides again on the server.
  const deleteAs = deletable ? mayDeleteComment(viewer, { own }) : null;
  const moderator = can(viewer, "edit:comment:any");
  const editable = deletable && mine !== null && (mine.editable || (!own && moderator && !held));
  const reportable = deletable && mine !== null && !own && !held && can(viewer, "report:comment");
  return (
    <CommentActions
      commentId={commentId}
      postId={postId}
      viewerName={viewer.name}
      notifyReplies={viewer.notifyReplies}
      canReply={can(viewer, "create:comment") && replyable}
    >
      {likeable &&
        (!own && can(viewer, "like:comment") ? (
          <LikeButton commentId={commentId} sort={sort} likeCount={likeCount} liked={mine?.liked} />
        ) : (
          <LikeCount likeCount={likeCount} />
        ))}
      {editable && <EditComment commentId={commentId} postPath={postPath} />}
      {deleteAs && <DeleteComment commentId={commentId} postPath={postPath} as={deleteAs} />}
      {reportable && <ReportComment commentId={commentId} postPath={postPath} />}
      {edited && can(viewer, "view:moderation") && (
        <a href={commentHistoryPath(commentId)} className="link">
          History
        </a>
      )}
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
      <FollowDiscussion postId={postId} />
      <h3 className="mb-2 font-semibold">Post a comment</h3>
      <CommentForm
        postId={postId}
        parentId={null}
        authorName={viewer.name}
        notifyReplies={viewer.notifyReplies}
        onPublished={(id, comment) => {
          setPublished((list) => [...list, { id, comment }]);
        }}
      />
    </div>
  );
}
