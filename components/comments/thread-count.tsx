"use client";

import { createContext, useCallback, useContext, useMemo, useState } from "react";

/**
 * "N comments:" on a cached page. It counts comments still being published, so it moves
 * the moment someone presses Publish, and those this tab published since (the page
 * shows them in place; the cached HTML does not have them yet). When the server's count
 * changes (the page was refreshed), it includes them and takes over.
 */
type CountChanges = { adjustPending: (delta: number) => void; published: () => void };

const CountChangesContext = createContext<CountChanges>({ adjustPending: () => {}, published: () => {} });
const CountContext = createContext<number | null>(null);

export function ThreadCountProvider({ count, children }: { count: number; children: React.ReactNode }) {
  const [pending, setPending] = useState(0);
  const [published, setPublished] = useState({ base: count, added: 0 });
  // A new count from the server already includes what was published here.
  if (published.base !== count) setPublished({ base: count, added: 0 });

  const adjustPending = useCallback((delta: number) => setPending((value) => Math.max(0, value + delta)), []);
  const countPublished = useCallback(
    () => setPublished((value) => ({ ...value, added: value.added + 1 })),
    [],
  );
  const changes = useMemo(
    () => ({ adjustPending, published: countPublished }),
    [adjustPending, countPublished],
  );
  return (
    <CountChangesContext.Provider value={changes}>
      <CountContext.Provider value={count + published.added + pending}>{children}</CountContext.Provider>
    </CountChangesContext.Provider>
  );
}

export function commentCountLabel(count: number): string {
  return `${count} ${count === 1 ? "comment" : "comments"}:`;
}

export function CommentCountHeading({ count }: { count: number }) {
  const shown = useContext(CountContext) ?? count;
  return (
    <h2 id="comments-heading" tabIndex={-1} className="font-serif text-xl font-bold outline-none">
      {commentCountLabel(shown)}
    </h2>
  );
}

export function useThreadCountChanges(): CountChanges {
  return useContext(CountChangesContext);
}
