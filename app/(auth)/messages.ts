/** What the sign-in and sign-up forms say. */
export const ACCOUNT_MESSAGES = {
  signInFailed: "Email or password is incorrect.",
  // Said alike whether the email was new or already had an account (docs/decisions/024).
  signUpReceived:
    "Thank you. If this email address was new here, its account is ready: sign in with the password you just chose. If it already had an account, sign in with that account's password.",
  // Said alike whether the address has an account or not (docs/decisions/032).
  resetRequested:
    "If an account uses this address, we have emailed it a link to choose a new password. The link works once, for the next hour. No mail after a few minutes? Check the spam folder, or ask again.",
  resetUnavailable:
    "Password reset by email is not available on this blog: it has no mail server set up. Please ask the blog's owner to reset your password.",
  resetDone:
    "Your password is changed, and every other session of your account is signed out. Sign in with your new password.",
} as const;

/** What a reset link that cannot be used says, by why (lib/auth/password-reset.ts). */
export const RESET_LINK_PROBLEMS = {
  used: "This link was already used, or a newer link of this account was.",
  expired: "This link has expired: links work for one hour.",
  invalid: "This link is not valid. Was it copied whole? Links in some mails wrap over two lines.",
} as const;

/** How long to wait, in words a person reads at a glance. */
export function waitFor(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function signInThrottledMessage(retryAfterSeconds: number): string {
  return `Too many sign-in attempts. Please wait ${waitFor(retryAfterSeconds)} and try again.`;
}

export function signUpThrottledMessage(retryAfterSeconds: number): string {
  return `Too many accounts were created from your network recently. Please try again in ${waitFor(retryAfterSeconds)}.`;
}

export function resetThrottledMessage(retryAfterSeconds: number): string {
  return `Too many reset requests. Please wait ${waitFor(retryAfterSeconds)} and try again.`;
}

/** What a verification link says when it cannot be used (lib/auth/email-verification.ts). */
export const VERIFY_LINK_PROBLEMS = {
  used: "This link was already used, or your address changed since it was sent.",
  expired: "This link has expired: links work for 24 hours.",
  invalid: "This link is not valid. Was it copied whole? Links in some mails wrap over two lines.",
  stale: "This link was sent to an address your account no longer uses.",
  taken: "Another account started using this address in the meantime, so your address was not changed.",
} as const;
