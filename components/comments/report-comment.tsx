"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { ReportCommentForm } from "@/components/comments/report-comment-form";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { idle } from "@/lib/actions/result";
import { reportCommentAction, type ReportState } from "@/lib/comments/report-actions";
import { REPORT_MESSAGES } from "@/lib/comments/messages";
import { commentHref, reportPagePath } from "@/lib/comments/paths";

/**
 * "Report" under someone else's comment, for signed-in readers. Without JavaScript it
 * links to /comments/<id>/report; with it, a modal dialog takes the reason, and on
 * sending, focus returns to the button with the thanks announced.
 */
export function ReportComment({ commentId, postPath }: { commentId: number; postPath: string }) {
  const hydrated = useHydrated();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const [state, formAction] = useActionState<ReportState, FormData>(reportCommentAction, idle);
  const returnTo = commentHref(postPath, commentId);

  useEffect(() => {
    if (state.status !== "success") return;
    dialogRef.current?.close();
  }, [state]);

  if (!hydrated) {
    return (
      <a href={`${reportPagePath(commentId)}?returnTo=${encodeURIComponent(returnTo)}`} className="link">
        Report
      </a>
    );
  }

  return (
    <>
      <button ref={triggerRef} type="button" className="link" onClick={() => dialogRef.current?.showModal()}>
        Report
      </button>
      <span role="status" className="text-muted">
        {state.status === "success" ? REPORT_MESSAGES.sent : ""}
      </span>
      <dialog
        ref={dialogRef}
        aria-labelledby={headingId}
        className="m-auto w-[min(32rem,calc(100%-2rem))] rounded-lg bg-page p-6 text-ink shadow-xl backdrop:bg-black/50"
        onClose={() => triggerRef.current?.isConnected && triggerRef.current.focus()}
      >
        <h2 id={headingId} className="font-serif text-xl font-bold">
          Report this comment
        </h2>
        <p className="mt-2 text-sm text-muted">
          Moderators review reports. Enough of them hide the comment until a moderator has looked.
        </p>
        <div className="mt-4">
          <ReportCommentForm
            action={formAction}
            state={state}
            commentId={commentId}
            returnTo={returnTo}
            cancel={
              <button type="button" className="text-sm link" onClick={() => dialogRef.current?.close()}>
                Cancel
              </button>
            }
          />
        </div>
      </dialog>
    </>
  );
}
