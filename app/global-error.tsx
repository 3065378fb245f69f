"use client";

import "./globals.css";
import { ErrorMessage } from "@/components/error-message";

/**
 * An error in the root layout itself, which app/error.tsx sits inside of: this replaces
 * the whole document, so it brings its own <html> and <body>. The blog's language and
 * title are in the layout that failed; English and a plain title are the fallback.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong</title>
      </head>
      <body className="min-h-screen">
        <main id="main" className="mx-auto max-w-3xl px-4 py-8">
          <ErrorMessage digest={error.digest} />
        </main>
      </body>
    </html>
  );
}
