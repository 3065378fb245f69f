import "server-only";
import { CredentialsSignin } from "next-auth";
import { log } from "@/lib/log";

/**
 * Auth.js's error log. A failed or throttled sign-in is an expected outcome, not a
 * server error worth a stack trace (the sign-in code logs its own security event); it
 * is recognised by class, never by `error.name`: the production build minifies class
 * names, so `name` is "l" there and every wrong password printed a stack.
 */
export function logAuthError(error: Error): void {
  if (error instanceof CredentialsSignin) return;
  log.error("Auth.js error", { error });
}
