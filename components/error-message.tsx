"use client";

import Link from "next/link";

export type ErrorMessageProps = {
  /** Next's digest of a server error: the id the server logged it under (`server.error`). */
  digest?: string;
  /** Renders the failed segment again; absent where nothing can be retried in place. */
  reset?: () => void;
};

/**
 * What a reader sees when a page or an action fails unexpectedly (a bug, not a refusal:
 * actions answer refusals themselves). Nothing of the error is shown, only its id, which
 * the reader can pass on and the blog's owner can find in the server log.
 */
export function ErrorMessage({ digest, reset }: ErrorMessageProps) {
  return (
    <div className="py-12">
      <h1 className="font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mt-4">
        This page could not be shown. Try again in a moment; if it keeps happening, tell the blog’s owner
        {digest ? " and give them the error id below" : ""}.
      </p>
      {digest ? (
        <p className="mt-4">
          Error id: <code className="font-mono font-semibold select-all">{digest}</code>
        </p>
      ) : null}
      <p className="mt-6 flex gap-4">
        {reset ? (
          <button type="button" className="font-semibold link" onClick={reset}>
            Try again
          </button>
        ) : null}
        <Link href="/" className="link">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
