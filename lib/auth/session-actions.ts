import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/auth";
import { safeReturnPath } from "@/lib/auth/redirects";

export type PasswordSignInFailure = "invalid" | "throttled";

/**
 * Signs in through Auth.js and redirects to `returnTo` (which must be ours). Returns
 * the failure kind instead of throwing; the redirect on success is thrown as Next wants.
 */
export async function signInWithPassword(email: string, password: string, returnTo: string): Promise<PasswordSignInFailure> {
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(returnTo) });
  } catch (error) {
    if (error instanceof CredentialsSignin) return error.code === "throttled" ? "throttled" : "invalid";
    if (error instanceof AuthError) return "invalid";
    throw error;
  }
  return "invalid";
}

export async function signInWithProvider(providerId: string, returnTo: string): Promise<void> {
  await signIn(providerId, { redirectTo: safeReturnPath(returnTo) });
}

/** Ends the session; the signOut event bumps the user's session version. */
export async function endSession(returnTo: string): Promise<void> {
  await signOut({ redirectTo: safeReturnPath(returnTo) });
}
