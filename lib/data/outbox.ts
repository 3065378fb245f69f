import "server-only";
import type { DbClient } from "@/lib/db/client";
import type { ComposedMail } from "@/lib/mail/compose";
import { claimDue, failClaim, finishClaim } from "@/lib/outbox/claims";

/**
 * The outbox (docs/decisions/032): mails written by the event that causes them, in the
 * same transaction, and sent later by a worker (lib/mail/worker.ts). Takes the client as
 * an argument: the server's worker uses the app's, `npm run worker` and tests their own.
 */

export type MailKind =
  | "password-reset"
  | "email-verification"
  | "email-change"
  | "email-change-notice"
  | "notification"
  // Sent from /admin/mail to the admin who asked (docs/decisions/039).
  | "test";

export type QueuedMail = ComposedMail & {
  kind: MailKind;
  to: string;
  /** Extra headers (List-Unsubscribe on notifications, docs/decisions/036). */
  headers?: Record<string, string>;
};

export type ClaimedMail = QueuedMail & { id: string; attempts: number };

/**
 * The INSERT that queues a mail, not yet run: put it in the `$transaction([...])` of the
 * write that causes the mail (SQLite wants batch transactions, not interactive ones), so
 * the mail exists exactly when the event does.
 */
export function queueMail(db: DbClient, mail: QueuedMail) {
  return db.outboxMail.create({
    data: {
      kind: mail.kind,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers ? JSON.stringify(mail.headers) : null,
    },
    select: { id: true },
  });
}

/**
 * Claims up to `limit` due mails for one worker, for `leaseMs`: the outbox's claim rule,
 * shared with webhook deliveries (lib/outbox/claims.ts), then the claimed mails.
 */
export async function claimDueMails(
  db: DbClient,
  { limit, leaseMs, now = new Date() }: { limit: number; leaseMs: number; now?: Date },
): Promise<{ token: string; mails: ClaimedMail[] }> {
  const token = await claimDue(db.outboxMail, { limit, leaseMs, now });
  if (!token) return { token: "", mails: [] };
  const mails = await db.outboxMail.findMany({
    where: { claimToken: token },
    orderBy: { nextAttemptAt: "asc" },
    select: {
      id: true,
      kind: true,
      to: true,
      subject: true,
      text: true,
      html: true,
      headers: true,
      attempts: true,
    },
  });
  return {
    token,
    mails: mails.map(({ headers, ...mail }) => ({
      ...mail,
      kind: mail.kind as MailKind,
      ...(headers ? { headers: JSON.parse(headers) as Record<string, string> } : {}),
    })),
  };
}

/** Marks a claimed mail sent; false if the claim was lost (its lease ran out and another took it). */
export async function markMailSent(db: DbClient, id: string, token: string, now = new Date()) {
  return finishClaim(db.outboxMail, id, token, { status: "sent", sentAt: now });
}

/**
 * Records a failed attempt: due again at `retryAt`, or failed for good when `retryAt`
 * is null (no attempts left, or the server refused the mail permanently).
 */
export async function markMailAttemptFailed(
  db: DbClient,
  id: string,
  token: string,
  error: string,
  retryAt: Date | null,
) {
  await failClaim(db.outboxMail, id, token, error, retryAt);
}

/** What the outbox holds, by status: for the operator (npm run worker prints it). */
export async function outboxCounts(db: DbClient): Promise<Record<string, number>> {
  const groups = await db.outboxMail.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
}
