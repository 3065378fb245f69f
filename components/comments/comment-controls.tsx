"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useViewer } from "@/components/viewer/viewer-context";
import { COMMENT_MESSAGES } from "@/lib/comments/messages";

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
};

/**
 * Under each comment. The cached HTML has a plain "Reply" link to a page with the form
 * (which asks anonymous readers to sign in first); a signed-in viewer gets the inline
 * form, and Delete where the server says they may.
 */
export function CommentControls(props: CommentControlsProps) {
  const viewer = useViewer();
  if (viewer) return <SignedInCommentControls viewer={viewer} {...props} />;
  if (!props.replyable) return null;
  return (
    <div className="no-print text-sm">
      <a href={`/comments/${props.commentId}/reply`} className="link">
        Reply
      </a>
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
