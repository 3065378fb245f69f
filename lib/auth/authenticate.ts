import "server-only";
import { getPasswordUser } from "@/lib/data/users";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import {
  beginSignInAttempt,
  isKnownSignInAddress,
  rememberSignInAddress,
  signInSucceeded,
} from "@/lib/auth/sign-in-throttle";
import { securityEvent } from "@/lib/log/security";
import { SignInSchema } from "@/lib/validations/account";

export type AuthenticationResult =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Email + password check behind Auth.js's Credentials provider. Unknown emails, wrong
 * passwords and malformed input all look the same from outside ("invalid"), cost the
 * same work, and count towards the same throttles (lib/auth/sign-in-throttle.ts).
 */
export async function authenticateWithPassword(
  input: unknown,
  ip: string | null,
): Promise<AuthenticationResult> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const user = await getPasswordUser(email);
  const knownAddress = await isKnownSignInAddress(user?.id ?? null, ip);
  const claim = await beginSignInAttempt({ account: email, ip, knownAddress });
  if (!claim.ok) {
    // Never the typed email: the user id when it names an account, else nothing.
    securityEvent("auth.sign_in.throttled", {
      ip,
      userId: user?.id ?? null,
      scope: claim.scope,
      retryAfterSeconds: claim.retryAfterSeconds,
    });
    return { ok: false, reason: "throttled", retryAfterSeconds: claim.retryAfterSeconds };
  }

  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);
  if (!user || !valid) {
    securityEvent("auth.sign_in.failed", { ip, userId: user?.id ?? null, knownAddress });
    return { ok: false, reason: "invalid" };
  }
  await signInSucceeded(claim.attempt);
  await rememberSignInAddress(user.id, ip);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
