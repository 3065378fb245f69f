"use client";

import { ErrorMessage } from "@/components/error-message";

/** An error in a page of this group, shown inside its layout (header and navigation still work). */
export default function GroupError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorMessage digest={error.digest} reset={reset} />;
}
