import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { signIn, signOut } from "@/auth";
import { safeReturnPath } from "@/lib/auth/redirects";
import { SESSION_HINT_COOKIE } from "@/lib/auth/session-hint";
import { config } from "@/lib/config";

/**
 * The hint follows the session at once: the page a sign-in redirects to may come from
 * the client router's cache, with no request for proxy.ts to set the hint on.
 */
async function setSessionHint(signedIn: boolean) {
  const jar = await cookies();
  if (signedIn)
    jar.set(SESSION_HINT_COOKIE, "1", {
      path: "/",
      sameSite: "lax",
      secure: config.siteUrl.startsWith("https:"),
    });
  else jar.delete(SESSION_HINT_COOKIE);
}

export type PasswordSignInFailure =
  { reason: "invalid" } | { reason: "throttled"; retryAfterSeconds: number };

const INVALID = { reason: "invalid" } as const;

function failureOf(error: CredentialsSignin): PasswordSignInFailure {
  const throttled = /^throttled-(\d+)$/.exec(error.code);
  return throttled ? { reason: "throttled", retryAfterSeconds: Number(throttled[1]) } : INVALID;
}

/**
 * Signs in through Auth.js and redirects to `returnTo` (which must be ours). Returns
 * the failure kind instead of throwing; the redirect on success is thrown as Next wants.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  returnTo: string,
): Promise<PasswordSignInFailure> {
  // Success is a thrown redirect, so the hint is set first and taken back on failure.
  await setSessionHint(true);
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(returnTo) });
  } catch (error) {
    if (error instanceof AuthError) await setSessionHint(false);
    if (error instanceof CredentialsSignin) return failureOf(error);
    if (error instanceof AuthError) return INVALID;
    throw error;
  }
  await setSessionHint(false);
  return INVALID;
}

export async function signInWithProvider(providerId: string, returnTo: string): Promise<void> {
  await signIn(providerId, { redirectTo: safeReturnPath(returnTo) });
}

/** Ends the session; the signOut event bumps the user's session version. */
export async function endSession(returnTo: string): Promise<void> {
  await setSessionHint(false);
  await signOut({ redirectTo: safeReturnPath(returnTo) });
}
