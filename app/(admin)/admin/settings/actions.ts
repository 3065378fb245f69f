"use server";

import { parseForm } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { attemptWrite, authorize, finish, refused } from "@/lib/actions/server";
import { commentSettingsChanged } from "@/lib/cache/revalidate";
import { saveCommentSettings } from "@/lib/data/comment-settings";
import { CommentSettingsSchema } from "@/lib/validations/comment-settings";
import { ADMIN_MESSAGES } from "../messages";

export type SettingsFormValues = Record<keyof typeof CommentSettingsSchema.shape, string>;
export type SettingsFormState = ActionResult<SettingsFormValues>;

/**
 * Saves the comment rules: authorize → parse → mutate → redirect. No page changes: the
 * rules apply to comments written from now on, in every server process.
 */
export async function saveCommentSettingsAction(
  _previous: SettingsFormState,
  formData: FormData,
): Promise<SettingsFormState> {
  const form = parseForm(CommentSettingsSchema, formData, { summary: ADMIN_MESSAGES.correctFields });
  const { values } = form;
  const admin = await authorize("edit:settings");
  if (!admin.ok) return refused(admin.refusal, values);
  if (!form.ok) return form.result;
  const result = await attemptWrite(() => saveCommentSettings(admin.user, form.data));
  if (!result.ok) return refused(result.reason === "busy" ? "busy" : "forbidden", values);
  commentSettingsChanged();
  return finish({ status: "success" }, { redirectTo: "/admin/settings", notice: "saved", always: true });
}
