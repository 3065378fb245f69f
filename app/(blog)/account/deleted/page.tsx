import type { Metadata } from "next";
import Link from "next/link";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account deleted", robots: { index: false } };

/** Where deleting an account ends: the session is gone, so this page knows nobody. */
export default function AccountDeletedPage() {
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Your account is deleted</h1>
      <p className="mt-3">You are signed out. Thank you for taking part in the conversation.</p>
      <p className="mt-6">
        <Link href="/" className="link">
          Go to the home page
        </Link>
      </p>
    </>
  );
}
