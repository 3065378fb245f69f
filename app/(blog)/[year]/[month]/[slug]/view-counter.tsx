"use client";

import { useEffect, useRef, useState } from "react";

type ViewCounterProps = { postId: number; initialCount: number };

/**
 * Counts the view from the browser, after the page is shown: rendering stays free of
 * writes (prefetches and crawlers of the HTML count nothing) and the page stays fast.
 */
export function ViewCounter({ postId, initialCount }: ViewCounterProps) {
  const [count, setCount] = useState(initialCount);
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    fetch(`/api/posts/${postId}/views`, { method: "POST", keepalive: true })
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { viewCount?: number } | null) => {
        if (typeof data?.viewCount === "number") setCount(data.viewCount);
      })
      .catch(() => {
        // A lost view is not worth bothering the reader about.
      });
  }, [postId]);

  return (
    <p>
      Total Views: <span data-testid="view-count">{count}</span>
    </p>
  );
}
