"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useViewer } from "@/components/viewer/viewer-context";
import { LikeLink } from "@/components/comments/like-link";
import { useLiveComment } from "@/components/comments/live-store";
import { COMMENT_MESSAGES } from "@/lib/comments/messages";
import type { CommentSort } from "@/lib/comments/sort";

// Only signed-in readers download the forms and dialogs (next/dynamic splits them off).
const SignedInCommentControls = dynamic(
  () => import("@/components/comments/signed-in-controls").then((module) => module.SignedInCommentControls),
  {
    ssr: false,
  },
);
const SignedInCommentFooter = dynamic(
  () => import("@/components/comments/signed-in-controls").then((module) => module.SignedInCommentFooter),
  {
    ssr: false,
  },
);

type CommentControlsProps = {
  commentId: number;
  postId: number;
  postPath: string;
  replyable: boolean;
  deletable: boolean;
  edited?: boolean;
  held?: boolean;
  /** Live and published: it takes likes, and shows its count. */
  likeable: boolean;
  likeCount: number;
  /** The order the page is read in, for the way back after a like without JavaScript. */
  sort: CommentSort;
};

/**
 * Under each comment. The cached HTML has a plain "Reply" link to a page with the form
 * (which asks anonymous readers to sign in first) and the like count with a link to
 * like on a page of its own; a signed-in viewer gets the inline form, a Like toggle,
 * and Delete where the server says they may.
 */
export function CommentControls(shown: CommentControlsProps) {
  const viewer = useViewer();
  // Deleted since the page was rendered (the live thread said so): nothing left to do.
  const deleted = useLiveComment(shown.commentId)?.deleted;
  const props = deleted ? { ...shown, replyable: false, deletable: false, likeable: false } : shown;
  if (viewer) return <SignedInCommentControls viewer={viewer} {...props} />;
  if (!props.replyable && !props.likeable) return null;
  return (
    <div className="no-print flex flex-wrap gap-4 text-sm">
      {props.replyable && (
        <a href={`/comments/${props.commentId}/reply`} className="link">
          Reply
        </a>
      )}
      {props.likeable && (
        <LikeLink commentId={props.commentId} sort={props.sort} likeCount={props.likeCount} />
      )}
    </div>
  );
}

/** Under the thread: "Post a comment" for signed-in viewers, a way to get there for others. */
export function CommentFooter({ postId, commentsEnabled }: { postId: number; commentsEnabled: boolean }) {
  const viewer = useViewer();
  if (!commentsEnabled) return <p className="text-muted">{COMMENT_MESSAGES.closed}</p>;
  if (viewer) return <SignedInCommentFooter viewer={viewer} postId={postId} />;
  return (
    <p className="no-print">
      <Link href={`/posts/${postId}/comment`} prefetch={false} className="font-semibold link">
        {viewer === null ? "Sign in to comment" : "Post a comment"}
      </Link>
    </p>
  );
}
