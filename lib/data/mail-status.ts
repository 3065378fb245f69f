import "server-only";
import { config } from "@/lib/config";
import { db as appDb } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { retryOnConflict } from "@/lib/db/retry";
import { queueMail } from "@/lib/data/outbox";
import { composeMail } from "@/lib/mail/compose";
import { maskAddress } from "@/lib/mail/mask";

/**
 * The outbox as admins see it at /admin/mail (docs/decisions/039): counts, the latest
 * failures, trying a failed mail again, a test mail. Never a mail's subject or body: they
 * hold one-time links. Callers have checked `edit:settings` (lib/mail/admin.ts, the actions).
 */

export const FAILURES_SHOWN = 20;
/** A mail waiting longer than this means nothing is sending: the page says so. */
export const STUCK_AFTER_MS = 15 * 60_000;

export type MailFailure = {
  id: string;
  kind: string;
  /** Masked: `j•••@example.com`. */
  to: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
};

export type OutboxStatus = {
  pending: number;
  /** The oldest pending mail's age tells whether anything is sending at all. */
  oldestPendingAt: Date | null;
  /** The oldest pending mail has waited longer than STUCK_AFTER_MS. */
  stuck: boolean;
  sentLastDay: number;
  failed: number;
  failures: MailFailure[];
};

export async function getOutboxStatus(db: DbClient = appDb, now = new Date()): Promise<OutboxStatus> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
  const [pending, oldestPending, sentLastDay, failed, failures] = await Promise.all([
    db.outboxMail.count({ where: { status: "pending" } }),
    db.outboxMail.findFirst({
      where: { status: "pending" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.outboxMail.count({ where: { status: "sent", sentAt: { gte: dayAgo } } }),
    db.outboxMail.count({ where: { status: "failed" } }),
    db.outboxMail.findMany({
      where: { status: "failed" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: FAILURES_SHOWN,
      select: { id: true, kind: true, to: true, attempts: true, lastError: true, createdAt: true },
    }),
  ]);
  return {
    pending,
    oldestPendingAt: oldestPending?.createdAt ?? null,
    stuck: oldestPending ? now.getTime() - oldestPending.createdAt.getTime() > STUCK_AFTER_MS : false,
    sentLastDay,
    failed,
    failures: failures.map((row) => ({ ...row, to: maskAddress(row.to) })),
  };
}

/**
 * Puts a failed mail back in the queue, due now with its attempts counted from zero.
 * Guarded by the status: only a failed row comes back, once however many admins press
 * at the same moment; false when it was not failed (already tried again, or gone).
 */
export async function retryFailedMail(id: string, db: DbClient = appDb, now = new Date()): Promise<boolean> {
  const revived = await retryOnConflict(() =>
    db.outboxMail.updateMany({
      where: { id, status: "failed" },
      data: { status: "pending", attempts: 0, nextAttemptAt: now, claimToken: null, claimedUntil: null },
    }),
  );
  return revived.count === 1;
}

/** Queues a test mail to `admin`'s own address, through the outbox like every mail. */
export async function queueTestMail(
  admin: { name: string; email: string },
  db: DbClient = appDb,
  now = new Date(),
): Promise<void> {
  const mail = composeMail(config.title, {
    subject: "Test mail",
    paragraphs: [
      `${admin.name} asked for this test on the blog's mail page at ${now.toISOString()}.`,
      "It came through the outbox like every mail from the blog: mail from the blog reaches this address.",
    ],
    footer: ["Nothing to do: this mail holds no link."],
  });
  await queueMail(db, { kind: "test", to: admin.email, ...mail });
}
