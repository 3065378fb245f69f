import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { log } from "@/lib/log";

// Auth.js errors a request causes, not the server: a form without its CSRF token (forged,
// or kept open past its cookie) and a session cookie that does not verify (tampered, or
// signed under a secret since rotated). Matched on `type`, a string Auth.js sets, which
// minification leaves alone.
const REQUEST_ERRORS = new Set(["MissingCSRF", "JWTSessionError"]);

/**
 * Auth.js's error log. A failed or throttled sign-in is an expected outcome, not a
 * server error worth a stack trace (the sign-in code logs its own security event); it
 * is recognised by class, never by `error.name`: the production build minifies class
 * names, so `name` is "l" there and every wrong password printed a stack.
 */
export function logAuthError(error: Error): void {
  if (error instanceof CredentialsSignin) return;
  if (error instanceof AuthError && REQUEST_ERRORS.has(error.type))
    log.warn("auth.request_refused", { type: error.type });
  else log.error("Auth.js error", { error });
}
