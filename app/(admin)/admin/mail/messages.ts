import { REFUSALS } from "@/lib/actions/messages";

/** Test mails an admin may ask for in an hour. */
export const TEST_MAILS_PER_HOUR = 5;

/** What /admin/mail says after a button (notices are keys in the URL, never text from it). */
export const MAIL_NOTICES: Record<string, string> = {
  retried: "The mail is back in the queue, with its attempts counted from zero.",
  "not-failed": "That mail is not failed any more (tried again already, or removed): nothing changed.",
  "test-queued": "Test mail queued to your address. It should arrive within a minute.",
  "test-too-many": `At most ${TEST_MAILS_PER_HOUR} test mails an hour; try again later.`,
  "cannot-send": "Nothing queued: this server cannot send mail (SMTP_URL is not set).",
  forbidden: REFUSALS.forbidden,
  invalid: REFUSALS.invalid,
  busy: REFUSALS.busy,
};
