"use client";

import { useEffect, useState } from "react";

/**
 * One polite live region per discussion: what just happened to the thread (a comment
 * deleted, liked, more comments loaded), for screen-reader users whose focus moved.
 */
const listeners = new Set<(message: string) => void>();

export function announce(message: string): void {
  for (const listener of listeners) listener(message);
}

export function ThreadAnnouncer() {
  const [message, setMessage] = useState("");
  useEffect(() => {
    // The same sentence twice (two likes in a row) must be read twice: clear, then set.
    const listener = (next: string) => {
      setMessage("");
      requestAnimationFrame(() => setMessage(next));
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return (
    <p role="status" aria-live="polite" className="sr-only">
      {message}
    </p>
  );
}
