import type { ReactNode } from "react";

/** What a redirect after an action came to say ("Saved.", "The comment was restored."). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded bg-highlight px-3 py-2 text-sm">
      {children}
    </p>
  );
}
