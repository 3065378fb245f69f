"use server";

import { parseForm } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { attemptWrite, authorize, finish, refused } from "@/lib/actions/server";
import { REFUSALS } from "@/lib/actions/messages";
import { safeReturnPath } from "@/lib/auth/redirects";
import { commentsChanged } from "@/lib/cache/revalidate";
import type { EditCapacity } from "@/lib/comments/edit-rules";
import { EDIT_MESSAGES, editRejectionMessage } from "@/lib/comments/messages";
import { commentPermalink, heldCommentPath } from "@/lib/comments/paths";
import { editComment, getCommentForEdit } from "@/lib/data/comment-edits";
import { getCommentSettings } from "@/lib/data/comment-settings";
import { EditCommentSchema } from "@/lib/validations/comment";
import { parseId } from "@/lib/validations/ids";

export type EditFormStart =
  | { status: "success"; body: string; version: number; as: EditCapacity }
  | { status: "error"; formError: string };

/**
 * What the in-place edit form starts from: the comment's current text and version, if
 * the viewer may edit it now (decided on the server, as the save will be again).
 */
export async function loadCommentForEditAction(commentIdInput: string): Promise<EditFormStart> {
  const actor = await authorize("edit:comment:own");
  if (!actor.ok) return { status: "error", formError: REFUSALS[actor.refusal] };
  const commentId = parseId(commentIdInput);
  if (commentId === null) return { status: "error", formError: REFUSALS.invalid };
  const found = await attemptWrite(() => getCommentForEdit(actor.user, commentId));
  if (found.ok) {
    const { body, version, as } = found.comment;
    return { status: "success", body, version, as };
  }
  if (found.reason === "busy") return { status: "error", formError: REFUSALS.busy };
  const windowMinutes = (await getCommentSettings()).editWindowMinutes;
  return { status: "error", formError: editRejectionMessage(found, windowMinutes) };
}

export type EditState = ActionResult<{ body: string; note: string }> & {
  /** What happened, for the page to announce. */
  saved?: keyof typeof EDIT_MESSAGES;
};

/** Saves an edit in place (the page is rendered afresh into the answer: new text, "edited"). */
export async function editCommentAction(_previous: EditState, formData: FormData): Promise<EditState> {
  return save(formData, { inPlace: true });
}

/** The same from /comments/<id>/edit: it always ends at the comment. */
export async function editCommentFromPageAction(
  _previous: EditState,
  formData: FormData,
): Promise<EditState> {
  return save(formData, { inPlace: false });
}

async function save(formData: FormData, { inPlace }: { inPlace: boolean }): Promise<EditState> {
  const form = parseForm(EditCommentSchema, formData, { hidden: ["commentId", "version", "returnTo"] });
  const values = { body: form.values.body ?? "", note: form.values.note ?? "" };
  const actor = await authorize("edit:comment:own");
  if (!actor.ok) return refused(actor.refusal, values);
  if (!form.ok) return { ...form.result, values };

  const { commentId, body, version, note, returnTo } = form.data;
  const result = await attemptWrite(() => editComment(actor.user, { commentId, body, version, note }));
  if (!result.ok) {
    if (result.reason === "busy") return refused("busy", values);
    const windowMinutes =
      result.reason === "window-closed" ? (await getCommentSettings()).editWindowMinutes : undefined;
    return { status: "error", formError: editRejectionMessage(result, windowMinutes), values };
  }
  // Readers saw the old text (or see it no longer, when the edit is held): their pages
  // expire outright, so the answer to this action is the page with the new text.
  if (result.changed && result.wasPublished)
    commentsChanged({ id: result.postId, path: result.postPath }, { renderThisPage: true });
  // A held comment leaves the cached page: its author finds it on its own page.
  if (result.held && result.changed)
    return finish({ status: "success", saved: "held" } satisfies EditState, {
      redirectTo: heldCommentPath(commentId),
      notice: "edit-held",
      always: true,
    });
  return finish({ status: "success", saved: result.changed ? "saved" : "unchanged" } satisfies EditState, {
    redirectTo: safeReturnPath(returnTo, commentPermalink(commentId)),
    always: !inPlace,
  });
}
