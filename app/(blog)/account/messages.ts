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

/** The address: verification and change (docs/decisions/034). */
export const EMAIL_MESSAGES = {
  verified: "Your address is already verified.",
  unavailable:
    "This blog cannot send mail (it has no mail server set up), so addresses cannot be verified or changed here. Please ask the blog's owner.",
  same: "That is already your address.",
  "no-password":
    "Your account signs in through GitHub or Google and has no password to confirm a change with.",
} as const;

export const ACCOUNT_NOTICES = {
  renamed: "Your name is changed, on your profile and every comment of yours.",
  "verification-sent":
    "We have sent a new link to your address. It works once, for 24 hours. No mail after a few minutes? Check the spam folder.",
  // Said alike whether the new address was free or another account's.
  "email-change-requested":
    "We have sent a link to the new address; your address changes when it is followed (within 24 hours). Your current address got a notice.",
  "password-changed": "Your password is changed, and every other device is signed out.",
} as const;

export type AccountNotice = keyof typeof ACCOUNT_NOTICES;

export function accountThrottledMessage(
  retryAfterSeconds: number,
  what: "rename" | "password" | "verification" | "email",
): string {
  const wait = waitFor(retryAfterSeconds);
  switch (what) {
    case "rename":
      return `You have changed your name several times today. Please try again in ${wait}.`;
    case "password":
      return `Too many password attempts. Please wait ${wait} and try again.`;
    case "verification":
      return `You have asked for several links in the last hour. Please wait ${wait}, and check the spam folder meanwhile.`;
    case "email":
      return `You have asked to change your address several times today. Please try again in ${wait}.`;
  }
}
