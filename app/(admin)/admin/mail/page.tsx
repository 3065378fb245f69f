import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInPath } from "@/lib/auth/redirects";
import { FAILED_KEEP_DAYS } from "@/lib/housekeeping/retention";
import { getMailPage, type MailPage } from "@/lib/mail/admin-page";
import { formatExactTime, formatTimestamp } from "@/lib/text/dates";
import { retryMailAction, sendTestMailAction } from "./actions";
import { MAIL_NOTICES, TEST_MAILS_PER_HOUR } from "./messages";

export const metadata: Metadata = { title: "Mail", robots: { index: false } };

type MailPageProps = { searchParams: Promise<{ notice?: string }> };

function Time({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatExactTime(date)}>
      {formatTimestamp(date)}
    </time>
  );
}

function Route({ page }: { page: MailPage }) {
  const { route } = page;
  if (route.kind === "smtp")
    return (
      <p>
        Mail can be sent: through the SMTP server at <code className="break-all">{route.server}</code>.
      </p>
    );
  if (route.kind === "folder")
    return (
      <p>
        <strong>Mail is not sent:</strong> <code>SMTP_URL</code> is not set, so mails are written as files
        into <code className="break-all">{route.dir}</code> (and the log). Fine while developing; set{" "}
        <code>SMTP_URL</code> for readers to get their mail.
      </p>
    );
  return (
    <p>
      <strong>Mail cannot be sent:</strong> <code>SMTP_URL</code> is not set. Password reset and email
      verification tell readers they are unavailable.
    </p>
  );
}

/** The outbox (docs/decisions/032, 039): admins only (others get a plain 404). */
export default async function AdminMailPage({ searchParams }: MailPageProps) {
  const answer = await getMailPage();
  if (!answer.ok) {
    if (answer.refusal === "signed-out") redirect(signInPath("/admin/mail"));
    notFound();
  }
  const { page } = answer;
  const { outbox, retention, housekeeping } = page;
  const { notice } = await searchParams;
  const message = notice ? MAIL_NOTICES[notice] : undefined;
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Mail</h1>
      {message && (
        <div className="mb-6">
          <Notice>{message}</Notice>
        </div>
      )}
      <section aria-labelledby="sending-heading" className="mb-8 max-w-prose space-y-2">
        <h2 id="sending-heading" className="text-xl font-bold">
          Sending
        </h2>
        <Route page={page} />
        {!page.serversSend && (
          <p>
            The servers leave sending to <code>npm run worker</code> (<code>MAIL_POLL_MS=0</code>): it must be
            running.
          </p>
        )}
        {outbox.stuck && outbox.oldestPendingAt && (
          <p>
            <strong>Mail may be stuck:</strong> the oldest waiting mail was queued{" "}
            <Time date={outbox.oldestPendingAt} />. Check the log for <code>mail.retry</code> lines.
          </p>
        )}
      </section>

      <section aria-labelledby="outbox-heading" className="mb-8">
        <h2 id="outbox-heading" className="mb-2 text-xl font-bold">
          Outbox
        </h2>
        <dl className="grid max-w-xl grid-cols-1 gap-3 sm:grid-cols-3">
          {[
            ["Waiting to be sent", outbox.pending],
            ["Sent in the last 24 hours", outbox.sentLastDay],
            ["Failed", outbox.failed],
          ].map(([label, count]) => (
            <div key={label} className="rounded border border-line p-3">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="text-2xl font-bold">{count}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="test-heading" className="mb-8 max-w-prose">
        <h2 id="test-heading" className="mb-2 text-xl font-bold">
          Test
        </h2>
        <form action={sendTestMailAction} className="space-y-2">
          <p className="text-sm text-muted">
            Queues a mail to your own address, <span className="break-all">{page.admin.email}</span>, through
            the outbox like every other mail (at most {TEST_MAILS_PER_HOUR} an hour).
          </p>
          <SubmitButton pendingText="Queueing…">Send a test mail to me</SubmitButton>
        </form>
      </section>

      <section aria-labelledby="failures-heading" className="mb-8">
        <h2 id="failures-heading" className="mb-2 text-xl font-bold">
          Latest failures
        </h2>
        {outbox.failures.length === 0 ? (
          <p className="text-muted">No failed mails.</p>
        ) : (
          <>
            <p className="mb-3 max-w-prose text-sm text-muted">
              Given up after the last attempt, or refused by the mail server. A reset or verification link in
              an old mail may have expired by now; the reader can ask for a new one.
            </p>
            <ul className="divide-y divide-line">
              {outbox.failures.map((mail) => (
                <li
                  key={mail.id}
                  className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between"
                >
                  <div className="min-w-0 text-sm">
                    <p>
                      <code>{mail.kind}</code> to <span className="break-all">{mail.to}</span>
                    </p>
                    <p className="text-muted">
                      Queued <Time date={mail.createdAt} /> · {mail.attempts}{" "}
                      {mail.attempts === 1 ? "attempt" : "attempts"}
                    </p>
                    <p className="break-words">{mail.lastError ?? "No error recorded."}</p>
                  </div>
                  <form action={retryMailAction} className="shrink-0">
                    <input type="hidden" name="mailId" value={mail.id} />
                    <SubmitButton pendingText="Queueing…">
                      Try again
                      <span className="sr-only">
                        {" "}
                        (the {mail.kind} mail to {mail.to})
                      </span>
                    </SubmitButton>
                  </form>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="kept-heading" className="max-w-prose">
        <h2 id="kept-heading" className="mb-2 text-xl font-bold">
          How long mail is kept
        </h2>
        <p className="text-sm">
          Sent mails are deleted after {retention.mailKeepDays} days (<code>MAIL_KEEP_DAYS</code>), failed
          ones after {FAILED_KEEP_DAYS}; waiting ones never. Housekeeping runs once an hour:{" "}
          {housekeeping.lastFinishedAt ? (
            <>
              it last finished <Time date={housekeeping.lastFinishedAt} />
              {housekeeping.lastCounts &&
                `, deleting ${housekeeping.lastCounts.sentMails + housekeeping.lastCounts.failedMails} mails`}
              .
            </>
          ) : (
            "it has not run yet."
          )}
        </p>
      </section>
    </>
  );
}
