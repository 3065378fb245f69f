"use client";

import { ErrorMessage } from "@/components/error-message";

/**
 * Errors in pages outside a group with its own boundary (the admin area, feeds), and in
 * the group layouts themselves. Only the digest reaches the browser in production;
 * the server logged the error under it.
 */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <ErrorMessage digest={error.digest} reset={reset} />
    </main>
  );
}
