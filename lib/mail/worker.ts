import "server-only";
import { claimDueMails, markMailAttemptFailed, markMailSent, type ClaimedMail } from "@/lib/data/outbox";
import type { DbClient } from "@/lib/db/client";
import { MailSendError, type MailTransport } from "@/lib/mail/transport";
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerTuning } from "@/lib/outbox/worker";

export { retryDelayMs } from "@/lib/outbox/claims";

export type MailWorkerOptions = OutboxWorkerTuning & {
  db: DbClient;
  transport: MailTransport;
};

export type MailWorker = OutboxWorker;

/**
 * The outbox's sender (docs/decisions/032), on the loop every outbox shares
 * (lib/outbox/worker.ts). Every instance may run one: claims are exclusive, so each mail
 * goes out once, unless a worker dies after the SMTP server took the mail and before it
 * was marked sent (then at most twice, with the same Message-ID). An SMTP 5xx answer is
 * permanent; anything else is tried again.
 */
export function createMailWorker({ db, transport, ...tuning }: MailWorkerOptions): MailWorker {
  return createOutboxWorker<ClaimedMail, void>({
    ...tuning,
    name: "mail",
    async claim(args) {
      const { token, mails } = await claimDueMails(db, args);
      return { token, items: mails };
    },
    send: (mail) => transport.send(mail),
    markDone: (mail, token, _done, now) => markMailSent(db, mail.id, token, now),
    markFailed: (mail, token, _error, message, retryAt) =>
      markMailAttemptFailed(db, mail.id, token, message, retryAt),
    isPermanent: (error) => error instanceof MailSendError && error.permanent,
    describe: (mail) => ({ kind: mail.kind }),
  });
}
