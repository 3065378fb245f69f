"use server";

import { parseForm } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { attemptWrite, authorize, finish, refused } from "@/lib/actions/server";
import { safeReturnPath } from "@/lib/auth/redirects";
import { commentsChanged } from "@/lib/cache/revalidate";
import { REPORT_MESSAGES } from "@/lib/comments/messages";
import { commentPermalink, reportPagePath } from "@/lib/comments/paths";
import { reportComment } from "@/lib/data/comment-reports";
import { ReportCommentSchema } from "@/lib/validations/comment";

export type ReportState = ActionResult<{ reason: string; note: string }>;

/** Reports a comment from the dialog under it. */
export async function reportCommentAction(_previous: ReportState, formData: FormData): Promise<ReportState> {
  return report(formData, { inPlace: true });
}

/** The same from /comments/<id>/report: it always goes back to the comment. */
export async function reportCommentFromPageAction(
  _previous: ReportState,
  formData: FormData,
): Promise<ReportState> {
  return report(formData, { inPlace: false });
}

async function report(formData: FormData, { inPlace }: { inPlace: boolean }): Promise<ReportState> {
  const form = parseForm(ReportCommentSchema, formData, { hidden: ["commentId", "returnTo"] });
  const values = { reason: form.values.reason ?? "", note: form.values.note ?? "" };
  const actor = await authorize("report:comment");
  if (!actor.ok) return refused(actor.refusal, values);
  if (!form.ok) return { ...form.result, values };

  const { commentId, reason, note, returnTo } = form.data;
  const result = await attemptWrite(() => reportComment(actor.user, { commentId, reason, note }));
  if (!result.ok) {
    if (result.reason === "busy") return refused("busy", values);
    return { status: "error", formError: REPORT_MESSAGES[result.reason], values };
  }
  // The report that hid it changes every reader's page; any other changes none.
  if (result.hidden) commentsChanged({ id: result.postId, path: result.postPath }, { renderThisPage: true });
  // Without JavaScript the report page says thank you, with the way back to the comment.
  const back = safeReturnPath(returnTo, commentPermalink(commentId));
  return finish({ status: "success" } satisfies ReportState, {
    redirectTo: `${reportPagePath(commentId)}?returnTo=${encodeURIComponent(back)}`,
    notice: "reported",
    always: !inPlace,
  });
}
