import { waitFor } from "../../(auth)/messages";

/** What /account says (docs/decisions/031). Notices are keys in the URL, never text. */
export const ACCOUNT_PAGE_MESSAGES = {
  wrongPassword: "That is not your current password.",
  noPasswordToChange: "Your account signs in through GitHub or Google and has no password to change here.",
  wrongEmail: "Type your account's email address exactly to confirm.",
  lastAdmin:
    "You are the blog's only admin: make someone else an admin (npm run user:role) before deleting your account.",
  notFound: "This account no longer exists.",
} as const;

export const ACCOUNT_NOTICES = {
  renamed: "Your name is changed, on your profile and every comment of yours.",
  "password-changed": "Your password is changed, and every other device is signed out.",
} as const;

export type AccountNotice = keyof typeof ACCOUNT_NOTICES;

export function accountThrottledMessage(retryAfterSeconds: number, what: "rename" | "password"): string {
  return what === "rename"
    ? `You have changed your name several times today. Please try again in ${waitFor(retryAfterSeconds)}.`
    : `Too many password attempts. Please wait ${waitFor(retryAfterSeconds)} and try again.`;
}
