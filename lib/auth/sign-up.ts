import "server-only";
import { claimAttempt, type AttemptRule } from "@/lib/auth/attempt-counter";
import { displayNameRefusal } from "@/lib/auth/display-names";
import { newVerification } from "@/lib/auth/email-verification";
import { keyedHash } from "@/lib/auth/keyed-hash";
import { hashPassword } from "@/lib/auth/password";
import { createPasswordUser } from "@/lib/data/users";
import { securityEvent } from "@/lib/log/security";
import { mailSettings } from "@/lib/mail/settings";
import { wakeMailWorker } from "@/lib/mail/server-worker";
import type { SignUpInput } from "@/lib/validations/account";

/** Sign-ups per address per hour (docs/decisions/024). */
export const SIGN_UP_RULE = { windowMs: 60 * 60_000, max: 10 } as const satisfies AttemptRule;

export type SignUpOutcome =
  /** Said alike whether the account was created or the email already had one. */
  | { ok: true }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  | { ok: false; reason: "name"; message: string };

/**
 * Creates an email + password account. The answer does not tell whether the email
 * already had an account: both cost one argon2id hash and one INSERT (refused by the
 * unique email, so concurrent sign-ups for one address create one account), and both
 * answer `ok`. The residual leak (signing in with the password just chosen) is in
 * docs/decisions/024. `input` has passed SignUpSchema and the common-password check.
 */
export async function signUpWithPassword(input: SignUpInput, ip: string | null): Promise<SignUpOutcome> {
  if (ip) {
    const claim = await claimAttempt(`signup-ip:${keyedHash("sign-up-ip", ip)}`, SIGN_UP_RULE);
    if (!claim.ok) {
      securityEvent("auth.sign_up.throttled", { ip, retryAfterSeconds: claim.retryAfterSeconds });
      return { ok: false, reason: "throttled", retryAfterSeconds: claim.retryAfterSeconds };
    }
  }
  const refusal = await displayNameRefusal(input.name);
  if (refusal) return { ok: false, reason: "name", message: refusal };

  // Where mail reaches no one (production without SMTP_URL), no link is made: /account
  // says the address cannot be verified here instead of waiting for a mail.
  const verification = mailSettings.canSend ? newVerification("verify", input.name, input.email) : undefined;
  const created = await createPasswordUser({
    name: input.name,
    email: input.email,
    passwordHash: await hashPassword(input.password),
    verification,
  });
  if (created.ok && verification) wakeMailWorker();
  securityEvent("auth.sign_up", created.ok ? { ip, userId: created.id } : { ip, outcome: "email-in-use" });
  return { ok: true };
}
