import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { claimAttempt, clearAttempts, type AttemptRule } from "@/lib/auth/attempt-counter";
import { keyedHash } from "@/lib/auth/keyed-hash";
import { hashPassword } from "@/lib/auth/password";
import { config } from "@/lib/config";
import { setPasswordHash } from "@/lib/data/accounts";
import { queueMail } from "@/lib/data/outbox";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { securityEvent } from "@/lib/log/security";
import { composeMail } from "@/lib/mail/compose";
import { mailSettings } from "@/lib/mail/settings";
import { wakeMailWorker } from "@/lib/mail/server-worker";

/**
 * Password reset by email (docs/decisions/032). A request answers alike whether the
 * address has an account; when it has one, a random token is stored as its SHA-256 and
 * mailed through the outbox, in one transaction. The link works once, for an hour; using
 * it sets the password and ends every session (decision 006).
 */

export const RESET_LINK_MINUTES = 60;
/** Requests per address (IP) per hour: a person tries a few times, a script many. */
export const RESET_IP_RULE = { windowMs: 60 * 60_000, max: 20 } as const satisfies AttemptRule;
/** Mails per email address per hour, whether or not it has an account: no inbox gets flooded. */
export const RESET_EMAIL_RULE = { windowMs: 60 * 60_000, max: 3 } as const satisfies AttemptRule;

export type ResetRequestOutcome =
  /** Said alike whether the address has an account or not. */
  | { ok: true }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  /** Production without SMTP_URL: no mail could reach anyone. */
  | { ok: false; reason: "unavailable" };

const tokenHash = (token: string) => createHash("sha256").update(token).digest("base64url");

export function resetLink(token: string): string {
  return `${config.siteUrl}/reset-password/${token}`;
}

/** Asks for a reset link for `email` (already normalized by PasswordResetRequestSchema). */
export async function requestPasswordReset(
  email: string,
  ip: string | null,
  now = new Date(),
): Promise<ResetRequestOutcome> {
  if (!mailSettings.canSend) return { ok: false, reason: "unavailable" };
  const keys = [
    ...(ip ? [{ key: `reset-ip:${keyedHash("reset-ip", ip)}`, rule: RESET_IP_RULE }] : []),
    { key: `reset-email:${keyedHash("reset-email", email)}`, rule: RESET_EMAIL_RULE },
  ];
  for (const { key, rule } of keys) {
    const claim = await claimAttempt(key, rule, now);
    if (!claim.ok) {
      securityEvent("auth.password_reset.throttled", { ip, retryAfterSeconds: claim.retryAfterSeconds });
      return { ok: false, reason: "throttled", retryAfterSeconds: claim.retryAfterSeconds };
    }
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (!user) {
    securityEvent("auth.password_reset.requested", { ip, outcome: "no-account" });
    return { ok: true };
  }
  const token = randomBytes(32).toString("base64url");
  const mail = composeMail(config.title, {
    subject: "Reset your password",
    paragraphs: [
      `Hello ${user.name},`,
      `Someone, hopefully you, asked to reset the password of your account at ${config.title}.`,
      `The link below works once, for the next ${RESET_LINK_MINUTES} minutes. Choosing a new password signs you out everywhere else.`,
    ],
    action: { label: "Choose a new password", url: resetLink(token) },
    footer: ["If you did not ask for this, ignore this mail: your password stays as it is."],
  });
  // The token and its mail exist together or not at all.
  await retryOnConflict(() =>
    db.$transaction([
      db.passwordReset.create({
        data: {
          userId: user.id,
          tokenHash: tokenHash(token),
          expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
        },
        select: { id: true },
      }),
      queueMail(db, { kind: "password-reset", to: email, ...mail }),
    ]),
  );
  wakeMailWorker();
  securityEvent("auth.password_reset.requested", { ip, userId: user.id });
  return { ok: true };
}

export type ResetTokenState = "valid" | "used" | "expired" | "invalid";

/** What a reset link is worth now: for the page it opens (the action checks again). */
export async function resetTokenState(token: string, now = new Date()): Promise<ResetTokenState> {
  const row = await db.passwordReset.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { usedAt: true, expiresAt: true },
  });
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  return row.expiresAt <= now ? "expired" : "valid";
}

export type ResetOutcome = { ok: true } | { ok: false; reason: Exclude<ResetTokenState, "valid"> };

/**
 * Sets a new password (already checked against the sign-up rules) with a reset token.
 * The token is used up by one guarded UPDATE before anything changes, so two requests
 * with one link set one password; then every other link of the account stops working,
 * its sessions end (setPasswordHash bumps sessionVersion) and the account-wide sign-in
 * ceiling is lifted: its owner just proved who they are.
 */
export async function resetPassword(
  token: string,
  newPassword: string,
  ip: string | null,
  now = new Date(),
): Promise<ResetOutcome> {
  const hash = tokenHash(token);
  // Hashed first: argon2id takes a moment, which should not sit between claim and write.
  const passwordHash = await hashPassword(newPassword);
  const used = await retryOnConflict(() =>
    db.passwordReset.updateMany({
      where: { tokenHash: hash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    }),
  );
  if (used.count === 0) {
    const state = await resetTokenState(token, now);
    // Valid again only if the clock moved between the two reads: it was just used.
    const reason = state === "valid" ? "used" : state;
    securityEvent("auth.password_reset.refused", { ip, reason });
    return { ok: false, reason };
  }
  const { userId } = await db.passwordReset.findUniqueOrThrow({
    where: { tokenHash: hash },
    select: { userId: true },
  });
  await setPasswordHash(userId, passwordHash);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  await retryOnConflict(() =>
    db.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } }),
  );
  await clearAttempts(`signin-account:${keyedHash("sign-in-account", user.email)}`);
  securityEvent("auth.password_reset", { ip, userId });
  return { ok: true };
}
