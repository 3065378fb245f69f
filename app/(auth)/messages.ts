/** What the sign-in and sign-up forms say. */
export const ACCOUNT_MESSAGES = {
  signInFailed: "Email or password is incorrect.",
  signInThrottled: "Too many sign-in attempts. Please wait 15 minutes and try again.",
  emailTaken: "An account with this email already exists. Sign in instead.",
  signInAfterSignUpFailed: "Your account was created, but signing in failed. Please sign in.",
} as const;
