import "server-only";
import { randomUUID } from "node:crypto";
import type { DbClient } from "@/lib/db/client";
import { retryOnConflict } from "@/lib/db/retry";
import type { ComposedMail } from "@/lib/mail/compose";

/**
 * The outbox (docs/decisions/032): mails written by the event that causes them, in the
 * same transaction, and sent later by a worker (lib/mail/worker.ts). Takes the client as
 * an argument: the server's worker uses the app's, `npm run worker` and tests their own.
 */

export type MailKind = "password-reset" | "notification";

export type QueuedMail = ComposedMail & {
  kind: MailKind;
  to: string;
  /** Extra headers (List-Unsubscribe on notifications, docs/decisions/036). */
  headers?: Record<string, string>;
};

export type ClaimedMail = QueuedMail & { id: string; attempts: number };

/** Addresses are one header each; a stored error is for the operator, not a dump. */
const ERROR_MAX = 1000;

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
 * Claims up to `limit` due mails for one worker, for `leaseMs`. The candidates are read
 * first, then taken by one guarded UPDATE that repeats the read's conditions: a row
 * another worker took in between no longer matches (PostgreSQL re-checks the WHERE of a
 * row changed under it; SQLite has one writer), so no mail is claimed twice. A claim
 * whose lease ran out (its worker crashed) is due again. The attempt is counted here, at
 * the claim, so a mail that kills its worker every time still runs out of attempts.
 */
export async function claimDueMails(
  db: DbClient,
  { limit, leaseMs, now = new Date() }: { limit: number; leaseMs: number; now?: Date },
): Promise<{ token: string; mails: ClaimedMail[] }> {
  const token = randomUUID();
  const due = {
    status: "pending",
    nextAttemptAt: { lte: now },
    OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }],
  };
  const candidates = await db.outboxMail.findMany({
    where: due,
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  if (candidates.length === 0) return { token, mails: [] };
  await retryOnConflict(() =>
    db.outboxMail.updateMany({
      where: { ...due, id: { in: candidates.map((row) => row.id) } },
      data: {
        claimToken: token,
        claimedUntil: new Date(now.getTime() + leaseMs),
        attempts: { increment: 1 },
      },
    }),
  );
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
  const done = await retryOnConflict(() =>
    db.outboxMail.updateMany({
      where: { id, claimToken: token },
      data: { status: "sent", sentAt: now, claimToken: null, claimedUntil: null },
    }),
  );
  return done.count === 1;
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
  await retryOnConflict(() =>
    db.outboxMail.updateMany({
      where: { id, claimToken: token },
      data: {
        status: retryAt ? "pending" : "failed",
        ...(retryAt ? { nextAttemptAt: retryAt } : {}),
        claimToken: null,
        claimedUntil: null,
        lastError: error.slice(0, ERROR_MAX),
      },
    }),
  );
}

/** What the outbox holds, by status: for the operator (npm run worker prints it). */
export async function outboxCounts(db: DbClient): Promise<Record<string, number>> {
  const groups = await db.outboxMail.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
}
