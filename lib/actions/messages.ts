/**
 * What any action says when it refuses before doing anything. Features add their own
 * sentences in their messages file (lib/comments/messages.ts, …) and may word a refusal
 * for their context (a ban is from commenting).
 */
export const REFUSALS = {
  "signed-out": "You are signed out. Sign in (in another tab, to keep this page), then try again.",
  banned: "Your account has been banned.",
  forbidden: "Your account is not allowed to do that.",
  busy: "The blog is busy saving other changes. Nothing was changed; try again in a moment.",
  invalid: "That request was not valid.",
  "not-found": "What you were working on no longer exists.",
} as const;

export type Refusal = keyof typeof REFUSALS;

/** Added to a refusal when the form keeps what was typed. */
export const DRAFT_KEPT = "Your text is kept here.";

/** Shown after a redirect that carries `?notice=saved`. */
export const SAVED = "Saved.";
