import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UserText } from "@/components/user-text";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { COMMENT_MESSAGES, likeCountLabel } from "@/lib/comments/messages";
import { commentHref } from "@/lib/comments/paths";
import { DEFAULT_SORT, isCommentSort, sortSearch } from "@/lib/comments/sort";
import { getLikeState } from "@/lib/data/comment-likes";
import { getLiveComment } from "@/lib/data/comments";
import { parseId } from "@/lib/validations/ids";
import { LikeForm } from "./like-form";

export const metadata: Metadata = { title: "Like comment", robots: { index: false } };

/** Per request: it knows the reader (the post page is cached, the same for everyone). */
export const dynamic = "force-dynamic";

type LikePageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ sort?: string }> };

/**
 * Liking without JavaScript (or after signing in to like): the comment, its count,
 * whether you like it, and one button that posts the like or unlike and goes back to
 * the comment in the order the reader was reading.
 */
export default async function LikeCommentPage({ params, searchParams }: LikePageProps) {
  const [{ id }, { sort: askedSort }] = await Promise.all([params, searchParams]);
  const sort = isCommentSort(askedSort) ? askedSort : DEFAULT_SORT;
  const user = await requireUser(`/comments/${id}/like${sortSearch(sort)}`);
  const commentId = parseId(id);
  const comment = commentId === null ? null : await getLiveComment(commentId);
  const state = comment && !comment.held ? await getLikeState(user.id, comment.id) : null;
  if (!comment || !state) notFound();
  const own = comment.authorId === user.id;
  const back = `${comment.postPath}${sortSearch(sort)}${commentHref("", comment.id)}`;

  return (
    <>
      <p className="text-sm text-muted">
        <Link href={back} className="link">
          ← Back to the comment
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-2xl font-bold">Like this comment</h1>
      <p className="mt-2 text-muted">
        On{" "}
        <Link href={comment.postPath} className="link">
          {comment.postTitle}
        </Link>
        , by <bdi>{comment.authorName}</bdi>:
      </p>
      <blockquote className="mt-4 border-l-4 border-line pl-4">
        <UserText text={comment.body} className="space-y-2" />
      </blockquote>
      <p className="mt-4 text-sm">
        {likeCountLabel(state.likeCount)}
        {state.liked && " · You like this comment."}
      </p>
      <div className="mt-6">
        {own ? (
          <p className="text-muted">{COMMENT_MESSAGES.likeOwn}</p>
        ) : !can(user, "like:comment") ? (
          <p className="text-muted">{COMMENT_MESSAGES.likeBanned}</p>
        ) : (
          <LikeForm commentId={comment.id} liked={state.liked} sort={sort} />
        )}
      </div>
    </>
  );
}
