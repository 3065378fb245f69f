import "server-only";
import { claimAttempt, type AttemptRule } from "@/lib/auth/attempt-counter";
import { displayNameRefusal } from "@/lib/auth/display-names";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { CurrentUser } from "@/lib/auth/guards";
import {
  deleteAccount,
  getPasswordHash,
  renameUser,
  setPasswordHash,
  type DeletionMode,
} from "@/lib/data/accounts";
import { securityEvent } from "@/lib/log/security";

/**
 * The rules of a reader's own account changes (docs/decisions/031), between the actions
 * (app/(blog)/account/actions.ts) and the writes (lib/data/accounts.ts).
 */

/** Renames per account per day: each one expires every cached page that shows the name. */
export const RENAME_RULE = { windowMs: 24 * 60 * 60_000, max: 5 } as const satisfies AttemptRule;

/**
 * Password checks (a change or a deletion) per account per 15 minutes: a stolen session
 * must not become a way to guess the password, which it would then know for good.
 */
export const ACCOUNT_PASSWORD_RULE = { windowMs: 15 * 60_000, max: 5 } as const satisfies AttemptRule;

export type Throttled = { ok: false; reason: "throttled"; retryAfterSeconds: number };

export type RenameOutcome =
  { ok: true; changed: boolean } | { ok: false; reason: "name"; message: string } | Throttled;

export async function renameOwnAccount(user: CurrentUser, name: string): Promise<RenameOutcome> {
  if (name === user.name) return { ok: true, changed: false };
  const refusal = await displayNameRefusal(name, { exceptUserId: user.id });
  if (refusal) return { ok: false, reason: "name", message: refusal };
  const claim = await claimAttempt(`rename:${user.id}`, RENAME_RULE);
  if (!claim.ok) return { ok: false, reason: "throttled", retryAfterSeconds: claim.retryAfterSeconds };
  const { comments } = await renameUser(user.id, name);
  securityEvent("account.renamed", { userId: user.id, comments });
  return { ok: true, changed: true };
}

type PasswordCheck = { ok: true } | { ok: false; reason: "wrong-password" | "no-password" } | Throttled;

/** Checks the account's password, counted against ACCOUNT_PASSWORD_RULE before the check. */
export async function checkOwnPassword(userId: string, password: string): Promise<PasswordCheck> {
  const passwordHash = await getPasswordHash(userId);
  if (!passwordHash) return { ok: false, reason: "no-password" };
  const claim = await claimAttempt(`account-password:${userId}`, ACCOUNT_PASSWORD_RULE);
  if (!claim.ok) return { ok: false, reason: "throttled", retryAfterSeconds: claim.retryAfterSeconds };
  return (await verifyPassword(passwordHash, password))
    ? { ok: true }
    : { ok: false, reason: "wrong-password" };
}

export type PasswordChangeOutcome = { ok: true } | Exclude<PasswordCheck, { ok: true }>;

/** Sets a new password (already checked against the sign-up rules) and ends every session. */
export async function changeOwnPassword(
  user: CurrentUser,
  currentPassword: string,
  newPassword: string,
): Promise<PasswordChangeOutcome> {
  const check = await checkOwnPassword(user.id, currentPassword);
  if (!check.ok) return check;
  await setPasswordHash(user.id, await hashPassword(newPassword));
  securityEvent("account.password_changed", { userId: user.id });
  return { ok: true };
}

export type DeletionOutcome =
  | { ok: true }
  | Exclude<PasswordCheck, { ok: true }>
  | { ok: false; reason: "wrong-email" | "last-admin" | "not-found" };

/**
 * Deletes the account once its owner proved it is them: the password, or for an account
 * without one (GitHub/Google only) its email typed out.
 */
export async function deleteOwnAccount(
  user: CurrentUser,
  input: { mode: DeletionMode; password: string; confirmEmail: string },
): Promise<DeletionOutcome> {
  const passwordHash = await getPasswordHash(user.id);
  if (passwordHash) {
    const check = await checkOwnPassword(user.id, input.password);
    if (!check.ok) return check;
  } else if (input.confirmEmail !== user.email) {
    return { ok: false, reason: "wrong-email" };
  }
  const result = await deleteAccount(user.id, input.mode);
  if (!result.ok) return result;
  securityEvent("account.deleted", { userId: user.id, mode: input.mode, comments: result.comments });
  return { ok: true };
}
