import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { claimAttempt, type AttemptRule } from "@/lib/auth/attempt-counter";
import { checkOwnPassword, type Throttled } from "@/lib/auth/own-account";
import { config } from "@/lib/config";
import type { CurrentUser } from "@/lib/data/users";
import { isUniqueViolation } from "@/lib/data/errors";
import { queueMail, type QueuedMail } from "@/lib/data/outbox";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { securityEvent } from "@/lib/log/security";
import { composeMail } from "@/lib/mail/compose";
import { mailSettings } from "@/lib/mail/settings";
import { wakeMailWorker } from "@/lib/mail/server-worker";

/**
 * Proving an address (docs/decisions/034), the same way as password reset (032): a random
 * 32-byte token mailed as a link, only its SHA-256 stored, one guarded UPDATE uses it up.
 * "verify" links confirm the account's own address; "change" links move the account to
 * the address the link was mailed to, which proves it at the same time.
 */

export const VERIFY_LINK_HOURS = 24;
/** Verification mails an account may ask for ("Send the link again") per hour. */
export const VERIFY_SEND_RULE = { windowMs: 60 * 60_000, max: 3 } as const satisfies AttemptRule;
/** Address changes an account may ask for per day: each one mails two inboxes. */
export const EMAIL_CHANGE_RULE = { windowMs: 24 * 60 * 60_000, max: 3 } as const satisfies AttemptRule;

export type VerificationPurpose = "verify" | "change";

const tokenHash = (token: string) => createHash("sha256").update(token).digest("base64url");

export function verificationLink(token: string): string {
  return `${config.siteUrl}/verify-email?token=${token}`;
}

/** A new link's row (to create) and its mail (to queue): both go in one transaction. */
export type NewVerification = {
  row: { purpose: VerificationPurpose; email: string; tokenHash: string; expiresAt: Date };
  mail: QueuedMail;
};

/** Makes a link for `email` and the mail that carries it; nothing is written yet. */
export function newVerification(
  purpose: VerificationPurpose,
  name: string,
  email: string,
  now = new Date(),
): NewVerification {
  const token = randomBytes(32).toString("base64url");
  const composed =
    purpose === "verify"
      ? composeMail(config.title, {
          subject: "Confirm your email address",
          paragraphs: [
            `Hello ${name},`,
            `Please confirm that this address belongs to your account at ${config.title}.`,
            `The link below works once, for the next ${VERIFY_LINK_HOURS} hours.`,
          ],
          action: { label: "Confirm my address", url: verificationLink(token) },
          footer: ["If you did not create an account, ignore this mail: nothing happens without the link."],
        })
      : composeMail(config.title, {
          subject: "Confirm your new email address",
          paragraphs: [
            `Hello ${name},`,
            `Someone, hopefully you, asked to use this address for their account at ${config.title}.`,
            `The account moves to this address when the link below is followed: it works once, for the next ${VERIFY_LINK_HOURS} hours. Every session of the account is then signed out; sign in again with this address.`,
          ],
          action: { label: "Use this address", url: verificationLink(token) },
          footer: ["If you did not ask for this, ignore this mail: nothing changes without the link."],
        });
  return {
    row: {
      purpose,
      email,
      tokenHash: tokenHash(token),
      expiresAt: new Date(now.getTime() + VERIFY_LINK_HOURS * 60 * 60_000),
    },
    mail: {
      kind: purpose === "verify" ? "email-verification" : "email-change",
      to: email,
      ...composed,
    },
  };
}

export type SendOutcome = { ok: true } | { ok: false; reason: "verified" | "unavailable" } | Throttled;

/** "Send the link again": a fresh link to the account's address, a few times an hour. */
export async function sendVerificationAgain(
  user: Pick<CurrentUser, "id" | "name" | "email" | "emailVerifiedAt">,
  now = new Date(),
): Promise<SendOutcome> {
  if (user.emailVerifiedAt) return { ok: false, reason: "verified" };
  if (!mailSettings.canSend) return { ok: false, reason: "unavailable" };
  const claim = await claimAttempt(`verify-send:${user.id}`, VERIFY_SEND_RULE, now);
  if (!claim.ok) {
    securityEvent("rate_limit.hit", { userId: user.id, refusal: "verify-send" });
    return { ok: false, reason: "throttled", retryAfterSeconds: claim.retryAfterSeconds };
  }
  const { row, mail } = newVerification("verify", user.name, user.email, now);
  await retryOnConflict(() =>
    db.$transaction([
      db.emailVerification.create({ data: { userId: user.id, ...row }, select: { id: true } }),
      queueMail(db, mail),
    ]),
  );
  wakeMailWorker();
  securityEvent("account.email_verification.sent", { userId: user.id });
  return { ok: true };
}

export type EmailChangeOutcome =
  /** Said alike whether the new address was free (a link went to it) or taken (nothing did). */
  { ok: true } | { ok: false; reason: "same" | "unavailable" | "wrong-password" | "no-password" } | Throttled;

/**
 * Asks to move the account to `newEmail` (normalized by ChangeEmailSchema), proven by the
 * current password. A link goes to the new address, a notice without a link to the old
 * one. An address another account uses gets the same answer and the same notice, but no
 * link: the asker learns nothing about whose address it is, and nothing can change.
 */
export async function requestEmailChange(
  user: Pick<CurrentUser, "id" | "name" | "email">,
  newEmail: string,
  password: string,
  now = new Date(),
): Promise<EmailChangeOutcome> {
  if (!mailSettings.canSend) return { ok: false, reason: "unavailable" };
  if (newEmail === user.email) return { ok: false, reason: "same" };
  const check = await checkOwnPassword(user.id, password);
  if (!check.ok) return check;
  const claim = await claimAttempt(`email-change:${user.id}`, EMAIL_CHANGE_RULE, now);
  if (!claim.ok) {
    securityEvent("rate_limit.hit", { userId: user.id, refusal: "email-change" });
    return { ok: false, reason: "throttled", retryAfterSeconds: claim.retryAfterSeconds };
  }
  const taken = await db.user.findUnique({ where: { email: newEmail }, select: { id: true } });
  const notice = composeMail(config.title, {
    subject: "A change of your email address was asked for",
    paragraphs: [
      `Hello ${user.name},`,
      `Someone signed in to your account at ${config.title} asked to change its email address from this one to ${newEmail}. A link to confirm was sent there; until it is followed, nothing changes.`,
    ],
    footer: [
      "If this wasn't you, change your password now (or ask for a password reset): whoever asked knew it. Your address stays as it is unless the link is followed.",
    ],
  });
  const oldMail = queueMail(db, { kind: "email-change-notice", to: user.email, ...notice });
  if (taken) {
    await retryOnConflict(() => db.$transaction([oldMail]));
  } else {
    const { row, mail } = newVerification("change", user.name, newEmail, now);
    await retryOnConflict(() =>
      db.$transaction([
        db.emailVerification.create({ data: { userId: user.id, ...row }, select: { id: true } }),
        queueMail(db, mail),
        oldMail,
      ]),
    );
  }
  wakeMailWorker();
  securityEvent("account.email_change.requested", { userId: user.id, outcome: taken ? "taken" : "sent" });
  return { ok: true };
}

export type LinkState = "valid" | "used" | "expired" | "invalid";

async function linkState(hash: string, now: Date): Promise<LinkState> {
  const row = await db.emailVerification.findUnique({
    where: { tokenHash: hash },
    select: { usedAt: true, expiresAt: true },
  });
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  return row.expiresAt <= now ? "expired" : "valid";
}

export type ConfirmOutcome =
  | { ok: true; purpose: VerificationPurpose; email: string; userId: string }
  | {
      ok: false;
      /**
       * stale: a "verify" link for an address the account no longer has; taken: another
       * account took the new address between the request and the link.
       */
      reason: Exclude<LinkState, "valid"> | "stale" | "taken";
    };

/**
 * Follows a link. The token is used up first by one guarded UPDATE (twenty simultaneous
 * clicks: one wins, the rest read "used"); then a "verify" link marks the address verified
 * if the account still has it, and a "change" link moves the account to the new address,
 * verified, ends every session (decision 006, as a password reset does) and uses up every
 * other open link of the account, reset links included: they went to the old address.
 */
export async function confirmEmailLink(token: string, now = new Date()): Promise<ConfirmOutcome> {
  const hash = tokenHash(token);
  const used = await retryOnConflict(() =>
    db.emailVerification.updateMany({
      where: { tokenHash: hash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    }),
  );
  if (used.count === 0) {
    const state = await linkState(hash, now);
    const reason = state === "valid" ? "used" : state;
    securityEvent("account.email_verification.refused", { reason });
    return { ok: false, reason };
  }
  const link = await db.emailVerification.findUniqueOrThrow({
    where: { tokenHash: hash },
    select: { userId: true, purpose: true, email: true },
  });
  const { userId, email } = link;
  if (link.purpose === "verify") {
    const verified = await retryOnConflict(() =>
      db.user.updateMany({ where: { id: userId, email }, data: { emailVerifiedAt: now } }),
    );
    if (verified.count === 0) return { ok: false, reason: "stale" };
    securityEvent("account.email_verified", { userId });
    return { ok: true, purpose: "verify", email, userId };
  }
  try {
    await retryOnConflict(() =>
      db.$transaction([
        db.user.update({
          where: { id: userId },
          data: { email, emailVerifiedAt: now, sessionVersion: { increment: 1 } },
          select: { id: true },
        }),
        db.emailVerification.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } }),
        db.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } }),
      ]),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    securityEvent("account.email_verification.refused", { userId, reason: "taken" });
    return { ok: false, reason: "taken" };
  }
  securityEvent("account.email_changed", { userId });
  return { ok: true, purpose: "change", email, userId };
}
