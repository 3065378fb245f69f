import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { confirmEmailLink, type ConfirmOutcome } from "@/lib/auth/email-verification";
import { getOptionalUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { mailSettings } from "@/lib/mail/settings";
import { ACCOUNT_PATH } from "@/lib/people/paths";
import { VerifyTokenSchema } from "@/lib/validations/account";
import { SendVerificationForm } from "../../(blog)/account/email-forms";
import { VERIFY_LINK_PROBLEMS } from "../messages";

// The link carries a secret: never in a Referer to another site (as the reset link, 032).
export const metadata: Metadata = {
  title: "Confirm your email address",
  robots: { index: false },
  referrer: "same-origin",
};

type VerifyEmailPageProps = { searchParams: Promise<{ token?: string | string[] }> };

const SIGN_IN_TO_ACCOUNT = `/signin?callbackUrl=${encodeURIComponent(ACCOUNT_PATH)}`;

/**
 * Where a mailed verification link lands (docs/decisions/034). Following the link is the
 * proof, signed in or not, so the page uses it up as it opens: a GET that writes, on
 * purpose, the way every verification link works. A link that no longer works says why
 * and offers a new one.
 */
export default async function VerifyEmailPage({ searchParams }: VerifyEmailPageProps) {
  const { token } = await searchParams;
  const parsed = VerifyTokenSchema.safeParse(token);
  const outcome: ConfirmOutcome = parsed.success
    ? await confirmEmailLink(parsed.data)
    : { ok: false, reason: "invalid" };
  // Read after the link did its work: a change of address has just ended every session.
  const user = await getOptionalUser();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Confirm your email address</h1>
      <div className="mt-4">
        {outcome.ok ? (
          <Notice>
            {outcome.purpose === "verify" ? (
              <>
                Thank you: <bdi>{outcome.email}</bdi> is verified.
              </>
            ) : (
              <>
                Your account now uses <bdi>{outcome.email}</bdi>, verified. Every session of your account was
                signed out: sign in with your new address.
              </>
            )}
          </Notice>
        ) : (
          <p role="alert" className="text-sm">
            {VERIFY_LINK_PROBLEMS[outcome.reason]}
          </p>
        )}
      </div>
      <NextStep
        outcome={outcome}
        signedIn={user !== null}
        canAsk={user !== null && can(user, "edit:own-profile") && !user.emailVerifiedAt}
      />
    </>
  );
}

function NextStep({
  outcome,
  signedIn,
  canAsk,
}: {
  outcome: ConfirmOutcome;
  signedIn: boolean;
  canAsk: boolean;
}) {
  if (outcome.ok)
    return (
      <p className="mt-6 text-sm">
        {signedIn ? (
          <Link href={ACCOUNT_PATH} className="link">
            Go to your account
          </Link>
        ) : (
          <Link href={SIGN_IN_TO_ACCOUNT} className="link">
            Sign in
          </Link>
        )}
      </p>
    );
  if (!mailSettings.canSend) return null;
  if (canAsk) return <SendVerificationForm label="Send me a new link" />;
  return (
    <p className="mt-6 text-sm">
      {signedIn ? (
        <Link href={ACCOUNT_PATH} className="link">
          Go to your account
        </Link>
      ) : (
        <>
          <Link href={SIGN_IN_TO_ACCOUNT} className="link">
            Sign in to send a new link
          </Link>{" "}
          (from your account page; a change of address is asked for there again).
        </>
      )}
    </p>
  );
}
