import type { Metadata } from "next";
import Link from "next/link";
import { RESET_LINK_MINUTES } from "@/lib/auth/password-reset";
import { mailSettings } from "@/lib/mail/settings";
import { ACCOUNT_MESSAGES } from "../messages";
import { ResetRequestForm } from "./reset-request-form";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

/**
 * "Forgot your password?" (docs/decisions/032). Where this blog cannot send mail
 * (production without SMTP_URL) the page says so instead of offering a form that would
 * claim a mail was sent.
 */
export default function ResetPasswordPage() {
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Reset your password</h1>
      {mailSettings.canSend ? (
        <>
          <p className="mt-2 text-sm text-muted">
            Enter the email address of your account. We will send it a link to choose a new password, valid
            for {RESET_LINK_MINUTES} minutes.
          </p>
          {!mailSettings.configured && (
            <p className="mt-4 rounded border border-line px-3 py-2 text-sm">
              Mail is not set up on this server (no <code>SMTP_URL</code>): the mail is written to the server
              log and to <code>{mailSettings.dir}</code>, not sent.
            </p>
          )}
          <ResetRequestForm />
        </>
      ) : (
        <p role="alert" className="mt-4 text-sm">
          {ACCOUNT_MESSAGES.resetUnavailable}
        </p>
      )}
      <p className="mt-6 text-sm">
        Remembered it?{" "}
        <Link href="/signin" className="link">
          Sign in
        </Link>
      </p>
    </>
  );
}
