import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getOptionalUser } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/auth/redirects";
import { Notice } from "@/components/ui/notice";
import { ACCOUNT_MESSAGES } from "../messages";
import { OAuthButtons } from "../oauth-buttons";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

const OAUTH_ERRORS: Record<string, string> = {
  "email-in-use": "An account with that email already exists. Sign in with your email and password.",
  "no-email": "That provider did not share an email address, which we need for an account.",
};

type SignInPageProps = { searchParams: Promise<{ callbackUrl?: string; error?: string; notice?: string }> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl: rawCallback, error, notice } = await searchParams;
  const callbackUrl = safeReturnPath(rawCallback);
  if (await getOptionalUser()) redirect(callbackUrl);
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Sign in</h1>
      <p className="mt-2 text-sm text-muted">Sign in to join the discussion.</p>
      {notice === "password-reset" && (
        <div className="mt-4">
          <Notice>{ACCOUNT_MESSAGES.resetDone}</Notice>
        </div>
      )}
      {error && OAUTH_ERRORS[error] && (
        <p role="alert" className="mt-4 text-sm text-danger">
          {OAUTH_ERRORS[error]}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="mt-3 text-sm">
        <Link href="/reset-password" className="link">
          Forgot your password?
        </Link>
      </p>
      <OAuthButtons callbackUrl={callbackUrl} />
      <p className="mt-6 text-sm">
        New here?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="link">
          Create an account
        </Link>
      </p>
    </>
  );
}
