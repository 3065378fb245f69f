import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DiscussionComment } from "@/components/comments/discussion";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { commentHref, commentPermalink } from "@/lib/comments/paths";
import { getHeldCommentFor } from "@/lib/data/held-comments";
import { parseId } from "@/lib/validations/ids";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Awaiting moderation", robots: { index: false } };

type HeldPageProps = { params: Promise<{ id: string }> };

/**
 * A held comment as its author (or a moderator) sees it, rendered per request: where a
 * comment sent without JavaScript lands, since the cached post page never shows held
 * comments (docs/decisions/023). Once approved, it leads to the comment in its thread.
 */
export default async function HeldCommentPage({ params }: HeldPageProps) {
  const { id } = await params;
  const user = await requireUser(`/comments/${id}/held`);
  const commentId = parseId(id);
  const found = commentId === null ? null : await getHeldCommentFor(user, commentId);
  if (!found) notFound();
  if (!found.held) redirect(commentPermalink(found.comment.id));

  const moderator = can(user, "approve:comment") && found.comment.authorId !== user.id;
  return (
    <>
      <p className="text-sm text-muted">
        <Link href={commentHref(found.post.path, found.comment.id)} className="link">
          ← {found.post.title}
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-2xl font-bold">Awaiting moderation</h1>
      <p className="mt-2 text-muted">
        {moderator
          ? "Only moderators and its author see this comment until it is approved in the Held queue."
          : "Thank you: a moderator will review your comment soon. Until then only you can see it."}
      </p>
      <ol className="mt-4 list-none">
        <DiscussionComment
          post={found.post}
          comment={found.comment}
          held={moderator ? { reasons: [] } : "author"}
        />
      </ol>
      {moderator && (
        <p className="mt-4 text-sm">
          <Link href="/moderation#held-heading" className="link">
            Open the Held queue
          </Link>
        </p>
      )}
    </>
  );
}
