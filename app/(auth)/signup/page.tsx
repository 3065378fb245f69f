import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getOptionalUser } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/auth/redirects";
import { OAuthButtons } from "../oauth-buttons";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

type SignUpPageProps = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl);
  if (await getOptionalUser()) redirect(callbackUrl);
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Create an account</h1>
      <p className="mt-2 text-sm text-muted">An account lets you reply to posts and comments.</p>
      <SignUpForm callbackUrl={callbackUrl} />
      <OAuthButtons callbackUrl={callbackUrl} />
      <p className="mt-6 text-sm">
        Already have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="link">
          Sign in
        </Link>
      </p>
    </>
  );
}
