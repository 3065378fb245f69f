import { REFUSALS } from "@/lib/actions/messages";

/** What the moderation page says after an action (the `?notice=` key the action redirected with). */
export const MODERATION_NOTICES: Record<string, string> = {
  deleted: "The comment was deleted.",
  restored: "The comment was restored.",
  banned: "The user was banned.",
  unbanned: "The user can comment again.",
  approved: "Approved: readers see it now.",
  "approved-trusted": "Approved, and the author is trusted.",
  "held-deleted": "Deleted.",
  "held-spam": "Deleted as spam.",
  "held-none": "Nothing changed: another moderator got there first.",
  "no-selection": "Tick at least one comment.",
  "words-saved": "The blocked words were saved.",
  "reports-dismissed": "The reports were dismissed: readers see the comment again.",
  forbidden: REFUSALS.forbidden,
  "not-found": "That comment or user no longer exists.",
  invalid: REFUSALS.invalid,
  busy: REFUSALS.busy,
};
