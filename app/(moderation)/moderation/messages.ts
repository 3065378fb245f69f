import { REFUSALS } from "@/lib/actions/messages";

/** What the moderation page says after an action (the `?notice=` key the action redirected with). */
export const MODERATION_NOTICES: Record<string, string> = {
  deleted: "The comment was deleted.",
  restored: "The comment was restored.",
  banned: "The user was banned.",
  unbanned: "The user can comment again.",
  forbidden: REFUSALS.forbidden,
  "not-found": "That comment or user no longer exists.",
  invalid: REFUSALS.invalid,
  busy: REFUSALS.busy,
};
