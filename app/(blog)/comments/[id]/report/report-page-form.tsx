"use client";

import { useActionState } from "react";
import { ReportCommentForm } from "@/components/comments/report-comment-form";
import { idle } from "@/lib/actions/result";
import { reportCommentFromPageAction, type ReportState } from "@/lib/comments/report-actions";

/** The report form on its own page: a plain form post without JavaScript. */
export function ReportPageForm({ commentId, returnTo }: { commentId: number; returnTo: string }) {
  const [state, formAction] = useActionState<ReportState, FormData>(reportCommentFromPageAction, idle);
  return (
    <ReportCommentForm
      action={formAction}
      state={state}
      commentId={commentId}
      returnTo={returnTo}
      cancel={
        <a href={returnTo} className="text-sm link">
          Cancel
        </a>
      }
    />
  );
}
