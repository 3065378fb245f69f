"use client";

import { createContext, useCallback, useContext, useMemo, useState } from "react";

/**
 * The "N comments:" heading counts comments still being published, so it updates the
 * moment someone presses Publish; the server's count takes over when the page refreshes.
 */
const PendingCountContext = createContext<(delta: number) => void>(() => {});

export function ThreadCountProvider({ count, children }: { count: number; children: React.ReactNode }) {
  const [pending, setPending] = useState(0);
  const adjust = useCallback((delta: number) => setPending((value) => Math.max(0, value + delta)), []);
  const value = useMemo(() => adjust, [adjust]);
  return (
    <PendingCountContext.Provider value={value}>
      <CountContext.Provider value={count + pending}>{children}</CountContext.Provider>
    </PendingCountContext.Provider>
  );
}

const CountContext = createContext<number | null>(null);

export function commentCountLabel(count: number): string {
  return `${count} ${count === 1 ? "comment" : "comments"}:`;
}

export function CommentCountHeading({ count }: { count: number }) {
  const shown = useContext(CountContext) ?? count;
  return (
    <h2 id="comments-heading" className="font-serif text-xl font-bold">
      {commentCountLabel(shown)}
    </h2>
  );
}

export function useAdjustPendingCount() {
  return useContext(PendingCountContext);
}
