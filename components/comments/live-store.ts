import { useSyncExternalStore } from "react";
import type { LiveComment } from "@/lib/live/messages";

/**
 * What the live thread (live-thread.tsx) learnt about comments the page already shows:
 * deleted, hidden, edited or restored since the cached page was rendered. Each comment's
 * text (live-comment-body.tsx) and controls read it, so a change shows in place without
 * touching the page's server-rendered markup.
 */
const states = new Map<number, LiveComment>();
const listeners = new Set<() => void>();

export function rememberLiveComment(comment: LiveComment): void {
  states.set(comment.id, comment);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The comment's state from the live thread, or undefined while the page's own is current. */
export function useLiveComment(commentId: number): LiveComment | undefined {
  return useSyncExternalStore(
    subscribe,
    () => states.get(commentId),
    () => undefined,
  );
}
