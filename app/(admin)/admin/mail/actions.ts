"use server";

import { redirect } from "next/navigation";
import { parseForm } from "@/lib/actions/form";
import { attemptWrite, authorize, withNotice } from "@/lib/actions/server";
import { claimAttempt } from "@/lib/auth/attempt-counter";
import { signInPath } from "@/lib/auth/redirects";
import { queueTestMail, retryFailedMail } from "@/lib/data/mail-status";
import { wakeMailWorker } from "@/lib/mail/server-worker";
import { mailSettings } from "@/lib/mail/settings";
import { MailRefSchema } from "@/lib/validations/mail";
import { TEST_MAILS_PER_HOUR } from "./messages";

/**
 * The buttons of /admin/mail (docs/decisions/039): authorize (edit:settings) → parse →
 * write → back to the page with a notice. Plain forms: they work without JavaScript.
 */

const PAGE = "/admin/mail";

async function adminOrLeave(): Promise<{ name: string; email: string; id: string }> {
  const admin = await authorize("edit:settings");
  if (!admin.ok) redirect(admin.refusal === "signed-out" ? signInPath(PAGE) : withNotice(PAGE, "forbidden"));
  return admin.user;
}

/** Try again: a failed mail back to pending, attempts from zero; only a failed one, once. */
export async function retryMailAction(formData: FormData): Promise<void> {
  await adminOrLeave();
  const form = parseForm(MailRefSchema, formData);
  if (!form.ok) redirect(withNotice(PAGE, "invalid"));
  const outcome = await attemptWrite(() => retryFailedMail(form.data.mailId));
  if (typeof outcome === "object") redirect(withNotice(PAGE, "busy"));
  if (outcome) wakeMailWorker();
  redirect(withNotice(PAGE, outcome ? "retried" : "not-failed"));
}

/** A test mail to the admin's own address, through the outbox; a few an hour. */
export async function sendTestMailAction(): Promise<void> {
  const admin = await adminOrLeave();
  if (!mailSettings.canSend) redirect(withNotice(PAGE, "cannot-send"));
  const outcome = await attemptWrite(async () => {
    const claim = await claimAttempt(`mail-test:${admin.id}`, {
      windowMs: 60 * 60_000,
      max: TEST_MAILS_PER_HOUR,
    });
    if (!claim.ok) return "too-many" as const;
    await queueTestMail(admin);
    return "queued" as const;
  });
  if (outcome === "queued") wakeMailWorker();
  redirect(
    withNotice(
      PAGE,
      typeof outcome === "object" ? "busy" : outcome === "queued" ? "test-queued" : "test-too-many",
    ),
  );
}
