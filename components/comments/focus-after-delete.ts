import { announce } from "@/components/comments/thread-announcer";

/** How long to wait for the refreshed thread before giving up and focusing the heading. */
const SETTLE_MS = 10_000;

/**
 * Where focus goes after a comment is deleted in place: the delete action answers with
 * the page rendered afresh, and that arrives after the dialog closed; the Delete button
 * that had focus is then removed, which would drop focus to <body>. So wait until the
 * thread shows the deletion, then focus the tombstone (a deleted comment with replies),
 * or the comment that now stands in its place (the next one, or the one it answered),
 * or the thread's heading; and say what happened.
 */
export function focusAfterDelete(anchorId: string): void {
  const before = document.getElementById(anchorId);
  // Remembered now: once the comment is gone, its neighbours are what is left to find.
  const neighbour = nextComment(before);
  const settle = (): boolean => {
    const current = document.getElementById(anchorId);
    if (current?.hasAttribute("data-deleted")) {
      current.focus();
      announce("Comment deleted. Its replies are kept.");
      return true;
    }
    if (current) return false;
    const fallback =
      (neighbour ? document.getElementById(neighbour) : null) ?? document.getElementById("comments-heading");
    fallback?.focus();
    announce("Comment deleted.");
    return true;
  };
  if (settle()) return;
  const observer = new MutationObserver(() => {
    if (settle()) stop();
  });
  const timer = window.setTimeout(() => {
    stop();
    document.getElementById("comments-heading")?.focus();
  }, SETTLE_MS);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.getElementById("comments") ?? document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-deleted"],
  });
}

/** The id of the comment after `item` in its list, or of the comment it replies to. */
function nextComment(item: HTMLElement | null): string | null {
  if (!item) return null;
  const next = item.nextElementSibling;
  if (next instanceof HTMLElement && next.id) return next.id;
  const parent = item.parentElement?.closest("li[id]");
  return parent instanceof HTMLElement ? parent.id : null;
}
