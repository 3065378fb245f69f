import "server-only";
import { getPasswordUser } from "@/lib/data/users";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { clearAccountFailures, recordSignInFailure, secondsUntilAllowed } from "@/lib/auth/sign-in-throttle";
import { SignInSchema } from "@/lib/validations/account";

export type AuthenticationResult =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Email + password check behind Auth.js's Credentials provider. Unknown emails, wrong
 * passwords and malformed input all look the same from outside ("invalid"), cost the
 * same work, and count towards the same throttle.
 */
export async function authenticateWithPassword(
  input: unknown,
  ip: string | null,
): Promise<AuthenticationResult> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = { account: email, ip };

  const wait = await secondsUntilAllowed(keys);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await getPasswordUser(email);
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);
  if (!user || !valid) {
    await recordSignInFailure(keys);
    return { ok: false, reason: "invalid" };
  }
  await clearAccountFailures(email);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
