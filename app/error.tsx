"use client";

import Link from "next/link";

/**
 * What a reader sees when a page or an action fails unexpectedly (a bug, not a refusal:
 * actions answer refusals themselves). Nothing of the error is shown; the server log has it.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mt-4">
        This page could not be shown. Try again in a moment; if it keeps happening, tell the blog’s owner.
      </p>
      <p className="mt-4 flex gap-4">
        <button type="button" className="font-semibold link" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="link">
          Go to the home page
        </Link>
      </p>
    </main>
  );
}
