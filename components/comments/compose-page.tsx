import Link from "next/link";
import type { ReactNode } from "react";
import { CommentForm } from "@/components/comments/comment-form";
import { FollowDiscussion } from "@/components/comments/follow-discussion";
import { getViewerNotifications } from "@/lib/data/notification-settings";
import type { CurrentUser } from "@/lib/auth/guards";
import { COMMENT_MESSAGES, commentFormRefusal } from "@/lib/comments/messages";
import { formOpenedAt, newSubmissionKey } from "@/lib/comments/submission-key";

type ComposePageProps = {
  user: CurrentUser;
  back: { href: string; label: string };
  heading: ReactNode;
  /** What is being answered, and what else the viewer may do with it. */
  children?: ReactNode;
  target: { postId: number; parentId: number | null; commentsEnabled: boolean };
};

/**
 * Writing a comment on a page of its own, rendered per request: how readers without
 * JavaScript comment (the post page is cached, the same for everyone), and where a
 * sign-in for commenting returns to.
 */
export async function ComposePage({ user, back, heading, children, target }: ComposePageProps) {
  const refusal = target.commentsEnabled ? commentFormRefusal(user) : COMMENT_MESSAGES.closed;
  const notifications = await getViewerNotifications(user.id, target.postId);
  return (
    <>
      <p className="text-sm text-muted">
        <Link href={back.href} className="link">
          ← {back.label}
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-2xl font-bold">{heading}</h1>
      {children}
      <div className="mt-6">
        {refusal ? (
          <p className="text-muted">{refusal}</p>
        ) : (
          <>
            <FollowDiscussion
              postId={target.postId}
              following={notifications.following ?? false}
              returnTo={back.href}
            />
            <CommentForm
              postId={target.postId}
              parentId={target.parentId}
              initialKey={newSubmissionKey()}
              initialStartedAt={formOpenedAt()}
              authorName={user.name}
              autoFocus
              inPlace={false}
              notifyReplies={notifications.notifyReplies}
            />
          </>
        )}
      </div>
    </>
  );
}
