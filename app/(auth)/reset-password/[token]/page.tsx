import type { Metadata } from "next";
import Link from "next/link";
import { resetTokenState } from "@/lib/auth/password-reset";
import { ResetTokenSchema } from "@/lib/validations/account";
import { RESET_LINK_PROBLEMS } from "../../messages";
import { NewPasswordForm } from "./new-password-form";

// The link carries a secret: never in a Referer to another site. Not "no-referrer": a
// browser then posts the form without JavaScript with `Origin: null`, which Next refuses.
export const metadata: Metadata = {
  title: "Choose a new password",
  robots: { index: false },
  referrer: "same-origin",
};

type NewPasswordPageProps = { params: Promise<{ token: string }> };

export default async function NewPasswordPage({ params }: NewPasswordPageProps) {
  const parsed = ResetTokenSchema.safeParse((await params).token);
  const state = parsed.success ? await resetTokenState(parsed.data) : "invalid";
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Choose a new password</h1>
      {parsed.success && state === "valid" ? (
        <NewPasswordForm token={parsed.data} />
      ) : (
        <>
          <p role="alert" className="mt-4 text-sm">
            {RESET_LINK_PROBLEMS[state === "valid" ? "invalid" : state]}
          </p>
          <p className="mt-4 text-sm">
            <Link href="/reset-password" className="link">
              Ask for a new link
            </Link>
          </p>
        </>
      )}
    </>
  );
}
