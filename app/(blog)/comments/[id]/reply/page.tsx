import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { UserText } from "@/components/user-text";
import { requireUser } from "@/lib/auth/guards";
import { ComposePage } from "@/components/comments/compose-page";
import { can, mayDeleteComment } from "@/lib/auth/permissions";
import { COMMENT_MESSAGES } from "@/lib/comments/messages";
import { commentHref, editPagePath, heldCommentPath, reportPagePath } from "@/lib/comments/paths";
import { getLiveComment } from "@/lib/data/comments";
import { parseId } from "@/lib/validations/ids";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reply", robots: { index: false } };

type ReplyPageProps = { params: Promise<{ id: string }> };

/**
 * Replying without JavaScript (the post page is cached and the same for everyone, so
 * its "Reply" links lead here). Signed-out readers are sent to sign in and back. It is
 * also where a reader without JavaScript finds Delete, when they may.
 */
export default async function ReplyPage({ params }: ReplyPageProps) {
  const { id } = await params;
  const user = await requireUser(`/comments/${id}/reply`);
  const commentId = parseId(id);
  const comment = commentId === null ? null : await getLiveComment(commentId);
  if (!comment) notFound();
  // A held comment takes no replies, and its text is for its author and moderators:
  // they see it on its own page, anyone else finds nothing.
  if (comment.held) {
    if (comment.authorId === user.id || can(user, "approve:comment")) redirect(heldCommentPath(comment.id));
    notFound();
  }

  return (
    <ComposePage
      user={user}
      back={{ href: commentHref(comment.postPath, comment.id), label: comment.postTitle }}
      heading={
        <>
          Reply to <bdi>{comment.authorName}</bdi>
        </>
      }
      target={{ postId: comment.postId, parentId: comment.id, commentsEnabled: comment.commentsEnabled }}
    >
      <blockquote className="mt-4 border-l-4 border-line pl-4">
        {comment.hidden ? (
          <p className="text-muted italic">{COMMENT_MESSAGES.hiddenPendingReview}</p>
        ) : comment.body.trim() ? (
          <UserText text={comment.body} className="space-y-2" />
        ) : (
          <p className="text-muted italic">{COMMENT_MESSAGES.noText}</p>
        )}
      </blockquote>
      <p className="mt-2 flex flex-wrap gap-4 text-sm">
        {/* Edit and Report decide on their own pages whether the viewer may. */}
        {(comment.authorId === user.id || can(user, "edit:comment:any")) && (
          <Link href={editPagePath(comment.id)} className="link">
            Edit this comment
          </Link>
        )}
        {mayDeleteComment(user, comment) && (
          <Link href={`/comments/${comment.id}/delete`} className="link">
            Delete this comment
          </Link>
        )}
        {comment.authorId !== user.id && can(user, "report:comment") && (
          <Link href={reportPagePath(comment.id)} className="link">
            Report this comment
          </Link>
        )}
      </p>
    </ComposePage>
  );
}
