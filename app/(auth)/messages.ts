/** What the sign-in and sign-up forms say. */
export const ACCOUNT_MESSAGES = {
  signInFailed: "Email or password is incorrect.",
  // Said alike whether the email was new or already had an account (docs/decisions/024).
  signUpReceived:
    "Thank you. If this email address was new here, its account is ready: sign in with the password you just chose. If it already had an account, sign in with that account's password.",
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
