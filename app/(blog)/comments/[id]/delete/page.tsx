import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/auth/redirects";
import { mayDeleteComment } from "@/lib/auth/permissions";
import { deletionWarning } from "@/lib/comments/messages";
import { commentHref } from "@/lib/comments/paths";
import { getLiveComment } from "@/lib/data/comments";
import { parseId } from "@/lib/validations/ids";
import { UserText } from "@/components/user-text";
import { ConfirmDeleteForm } from "./confirm-delete-form";

export const metadata: Metadata = { title: "Delete comment", robots: { index: false } };

type DeletePageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ returnTo?: string }> };

/** The no-JavaScript confirmation step; with JavaScript a dialog on the post does this. */
export const dynamic = "force-dynamic";

export default async function DeleteCommentPage({ params, searchParams }: DeletePageProps) {
  const [{ id }, { returnTo }] = await Promise.all([params, searchParams]);
  const user = await requireUser(
    `/comments/${id}/delete${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`,
  );
  const commentId = parseId(id);
  const comment = commentId === null ? null : await getLiveComment(commentId);
  const deleteAs = comment && mayDeleteComment(user, comment);
  if (!comment || !deleteAs) notFound();
  const back = safeReturnPath(returnTo, commentHref(comment.postPath, comment.id));

  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Delete this comment?</h1>
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
      <p className="mt-4 text-sm">{deletionWarning(deleteAs)}</p>
      <ConfirmDeleteForm commentId={comment.id} returnTo={back} as={deleteAs} />
    </>
  );
}
