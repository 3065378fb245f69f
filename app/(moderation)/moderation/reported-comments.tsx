import { UserText } from "@/components/user-text";
import { commentHistoryPath, commentPermalink } from "@/lib/comments/paths";
import type { ReportedComment } from "@/lib/data/comment-reports";
import { formatTimestamp } from "@/lib/text/dates";
import { REPORT_REASON_LABELS } from "@/lib/validations/comment";
import { deleteReportedCommentAction, dismissReportsAction } from "./actions";

/** Reported comments, one item per comment with its reports' count and reasons (docs/decisions/029). */
export function ReportedComments({ comments, total }: { comments: ReportedComment[]; total: number }) {
  return (
    <section aria-labelledby="reported-heading" className="mt-8">
      <h2 id="reported-heading" className="text-xl font-bold">
        Reported ({total})
      </h2>
      {comments.length === 0 ? (
        <p className="mt-2 text-muted">No open reports.</p>
      ) : (
        <ol className="mt-4 space-y-4">
          {comments.map((comment) => (
            <li key={comment.id} className="rounded border border-line p-4">
              <p className="text-sm">
                <strong>
                  <bdi>{comment.authorName}</bdi>
                </strong>{" "}
                on{" "}
                {comment.post.path ? (
                  <a href={commentPermalink(comment.id)} className="link">
                    {comment.post.title}
                  </a>
                ) : (
                  comment.post.title
                )}
                , {formatTimestamp(comment.createdAt)}
                {comment.editedAt && (
                  <>
                    {" "}
                    (edited;{" "}
                    <a href={commentHistoryPath(comment.id)} className="link">
                      History
                    </a>
                    )
                  </>
                )}
              </p>
              <p className="mt-1 text-sm font-semibold">
                {comment.count} {comment.count === 1 ? "report" : "reports"}
                {comment.hidden ? " — hidden from readers pending review" : ""}
              </p>
              <div className="mt-2 [overflow-wrap:anywhere]">
                <UserText text={comment.body} className="space-y-2" />
              </div>
              <ul className="mt-2 list-disc pl-5 text-sm">
                {comment.reports.map((report, index) => (
                  <li key={index}>
                    {REPORT_REASON_LABELS[report.reason] ?? report.reason}
                    {report.note && (
                      <>
                        : <bdi>{report.note}</bdi>
                      </>
                    )}
                  </li>
                ))}
              </ul>
              <div className="mt-3 flex flex-wrap items-end gap-4">
                <form action={dismissReportsAction}>
                  <input type="hidden" name="commentId" value={comment.id} />
                  <button type="submit" className="rounded border border-line px-3 py-1 text-sm">
                    Dismiss reports
                  </button>
                </form>
                <form action={deleteReportedCommentAction} className="flex items-end gap-2">
                  <input type="hidden" name="commentId" value={comment.id} />
                  <label className="text-sm">
                    Reason (optional)
                    <input name="note" className="ml-2 rounded border border-line bg-page px-2 py-1" />
                  </label>
                  <button type="submit" className="rounded bg-danger px-3 py-1 text-sm text-page">
                    Delete comment
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
