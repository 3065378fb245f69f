"use server";

import { parseForm } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { attemptWrite, authenticate, finish, refused } from "@/lib/actions/server";
import { safeReturnPath } from "@/lib/auth/redirects";
import { saveNotificationSettings, setFollowing } from "@/lib/data/notification-settings";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/paths";
import { FollowDiscussionSchema, NotificationSettingsSchema } from "@/lib/validations/notifications";

/**
 * A reader's notification choices (docs/decisions/036). Who: the session's user, never
 * an id from the form. Signed-in is enough: following is reading, and a banned account
 * gets no mail anyway (lib/notifications/recipients.ts).
 */

export type FollowState = ActionResult & { following?: boolean };

/** Follows or unfollows a post's discussion; without JavaScript, back to where the form was. */
export async function followDiscussionAction(
  _previous: FollowState,
  formData: FormData,
): Promise<FollowState> {
  const form = parseForm(FollowDiscussionSchema, formData, { hidden: ["postId", "follow", "returnTo"] });
  const access = await authenticate();
  if (!access.ok) return refused(access.refusal);
  if (!form.ok) return form.result;

  const { postId, follow, returnTo } = form.data;
  const outcome = await attemptWrite(() => setFollowing(access.user.id, postId, follow));
  if (!outcome.ok)
    return outcome.reason === "busy"
      ? refused("busy")
      : { status: "error", formError: "This post is no longer there." };
  return finish({ status: "success", following: follow } satisfies FollowState, {
    redirectTo: safeReturnPath(returnTo, `${outcome.path}#comments`),
  });
}

/** Saves /account/notifications. */
export async function saveNotificationSettingsAction(
  _previous: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const form = parseForm(NotificationSettingsSchema, formData, { hidden: ["intent"] });
  const access = await authenticate();
  if (!access.ok) return refused(access.refusal);
  if (!form.ok) return form.result;

  const outcome = await attemptWrite(async () => {
    await saveNotificationSettings(access.user, form.data);
    return { ok: true as const };
  });
  if (!outcome.ok) return refused("busy");
  return finish({ status: "success" } satisfies ActionResult, {
    redirectTo: NOTIFICATIONS_PATH,
    notice: "saved",
  });
}
