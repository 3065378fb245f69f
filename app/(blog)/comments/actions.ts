"use server";

import { redirect } from "next/navigation";
import { getOptionalUser } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/auth/redirects";
import { commentsChanged } from "@/lib/cache/revalidate";
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from "@/lib/data/errors";
import { deleteComment } from "@/lib/data/moderation";
import { textFields, type FormState } from "@/lib/forms";
import { DeleteCommentSchema } from "@/lib/validations/moderation";

export type DeleteState = FormState & { deletedId?: number };

const REFUSALS = {
  "not-found": "That comment no longer exists.",
  forbidden: "You can only delete your own comments.",
  invalid: "That request was not valid.",
} as const;

/**
 * Deletes a comment (soft). Whether the user may is decided in the data layer from the
 * comment's real author and the user's current role, never from anything the form says.
 */
export async function deleteCommentAction(_previous: DeleteState, formData: FormData): Promise<DeleteState> {
  const fields = textFields(formData, ["commentId", "note", "returnTo", "js"] as const);
  const user = await getOptionalUser();
  if (!user) return { status: "error", formError: "You are signed out. Sign in to delete comments." };

  const parsed = DeleteCommentSchema.safeParse(fields);
  if (!parsed.success)
    return { status: "error", formError: parsed.error.issues[0]?.message ?? REFUSALS.invalid };

  let result;
  try {
    result = await deleteComment(user, parsed.data.commentId, parsed.data.note);
  } catch (error) {
    if (isDatabaseBusy(error)) return { status: "error", formError: DATABASE_BUSY_MESSAGE };
    throw error;
  }
  if (!result.ok) return { status: "error", formError: REFUSALS[result.reason] };

  // With JavaScript, Next answers with the page rendered afresh: the thread updates in place.
  commentsChanged({ id: result.postId, path: result.postPath }, { renderThisPage: true });
  if (fields.js !== "1") redirect(safeReturnPath(fields.returnTo, `${result.postPath}#comments`));
  return { status: "success", deletedId: parsed.data.commentId };
}
