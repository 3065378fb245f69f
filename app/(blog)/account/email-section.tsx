import { mailSettings } from "@/lib/mail/settings";
import { formatDateHeader } from "@/lib/text/dates";
import { ChangeEmailForm, SendVerificationForm } from "./email-forms";
import { EMAIL_MESSAGES } from "./messages";

type EmailSectionProps = {
  email: string;
  verifiedAt: Date | null;
  /** A banned account can neither ask for links nor move. */
  canEdit: boolean;
  hasPassword: boolean;
};

/** /account: whether the address is proven, a new link, a new address (docs/decisions/034). */
export function EmailSection({ email, verifiedAt, canEdit, hasPassword }: EmailSectionProps) {
  return (
    <>
      <p className="mt-2 text-sm">
        <bdi className="font-semibold">{email}</bdi> ·{" "}
        {verifiedAt ? (
          <span>verified on {formatDateHeader(verifiedAt)}</span>
        ) : (
          <span className="font-semibold text-danger">not verified yet</span>
        )}
      </p>
      {!mailSettings.canSend ? (
        <p className="mt-2 text-sm text-muted">{EMAIL_MESSAGES.unavailable}</p>
      ) : !canEdit ? (
        <p className="mt-2 text-sm text-muted">A banned account cannot verify or change its address.</p>
      ) : (
        <>
          {!verifiedAt && (
            <>
              <p className="mt-2 text-sm">
                We mailed you a link when you signed up. Follow it to confirm the address is yours:
                notification mails go only to verified addresses, and this blog may ask for one before you
                comment.
              </p>
              <SendVerificationForm />
            </>
          )}
          <h3 className="mt-6 text-base font-semibold">Change your address</h3>
          {hasPassword ? (
            <ChangeEmailForm />
          ) : (
            <p className="mt-2 text-sm text-muted">{EMAIL_MESSAGES["no-password"]}</p>
          )}
        </>
      )}
    </>
  );
}
