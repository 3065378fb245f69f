import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UserText } from "@/components/user-text";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { safeReturnPath } from "@/lib/auth/redirects";
import { COMMENT_MESSAGES, REPORT_MESSAGES } from "@/lib/comments/messages";
import { commentPermalink } from "@/lib/comments/paths";
import { getLiveComment } from "@/lib/data/comments";
import { parseId } from "@/lib/validations/ids";
import { ReportPageForm } from "./report-page-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Report comment", robots: { index: false } };

type ReportPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ returnTo?: string; notice?: string }>;
};

/** Reporting a comment without JavaScript; after sending, it thanks the reader. */
export default async function ReportCommentPage({ params, searchParams }: ReportPageProps) {
  const { id } = await params;
  const user = await requireUser(`/comments/${id}/report`);
  const commentId = parseId(id);
  const comment = commentId === null ? null : await getLiveComment(commentId);
  if (!comment || comment.held) notFound();
  const query = await searchParams;
  const returnTo = safeReturnPath(query.returnTo, commentPermalink(comment.id));
  const refusal =
    comment.authorId === user.id
      ? REPORT_MESSAGES.own
      : can(user, "report:comment")
        ? null
        : REPORT_MESSAGES.forbidden;

  return (
    <>
      <p className="text-sm">
        <a href={returnTo} className="link">
          Back to the comment
        </a>
      </p>
      <h1 className="mt-2 font-serif text-2xl font-bold">
        Report a comment by <bdi>{comment.authorName}</bdi>
      </h1>
      {query.notice === "reported" ? (
        <div className="mt-4">
          <Notice>{REPORT_MESSAGES.sent}</Notice>
        </div>
      ) : (
        <>
          <blockquote className="mt-4 border-l-4 border-line pl-4">
            {comment.hidden ? (
              <p className="text-muted italic">{COMMENT_MESSAGES.hiddenPendingReview}</p>
            ) : (
              <UserText text={comment.body} className="space-y-2" />
            )}
          </blockquote>
          <div className="mt-4">
            {refusal ? (
              <p role="alert">{refusal}</p>
            ) : (
              <ReportPageForm commentId={comment.id} returnTo={returnTo} />
            )}
          </div>
        </>
      )}
    </>
  );
}
