"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { announce } from "@/components/comments/thread-announcer";
import { rememberLiveComment } from "@/components/comments/live-store";
import { PublishedComments, type PublishedComment } from "@/components/comments/published-comments";
import { useThreadCountChanges } from "@/components/comments/thread-count";
import { FormAlert } from "@/components/ui/form-alert";
import { loadLiveCommentsAction } from "@/lib/comments/live-action";
import { commentAnchor, commentPermalink } from "@/lib/comments/paths";
import { DEFAULT_SORT, type CommentSort } from "@/lib/comments/sort";
import { isLiveComment, liveStreamPath, parseLiveEvent, type LiveComment } from "@/lib/live/messages";

/** A new comment waits this long before it is counted: the tab's own shows up in place first. */
const SETTLE_MS = 800;
/** The count is read out once it has been still this long, not on every comment. */
const ANNOUNCE_AFTER_MS = 2000;
/** After the server refused (503) or the stream failed for good: wait, then longer. */
const RETRY_MS = [30_000, 60_000, 120_000, 300_000];
/** The action renders at most this many at once (lib/comments/live-action.tsx). */
const MAX_SHOWN_AT_ONCE = 100;

type Shown = PublishedComment & { parentId: number | null };

export type LiveThreadProps = {
  postId: number;
  /** The event log's id the cached page was rendered at: the stream starts after it. */
  after: number;
  sort: CommentSort;
};

/**
 * Keeps an open post's discussion current (docs/decisions/038). New comments are not
 * put under the reader's eyes: a banner counts them ("2 new comments — show") and the
 * count is read out politely; the button places them where a reload would (Oldest),
 * moves focus to the first and says so. Under Newest and Best the banner reloads the
 * page instead. Deletions, hidings and edits show in place at once. EventSource resumes
 * after the last event it got, so a dropped connection shows each comment once.
 */
export function LiveThread({ postId, after, sort }: LiveThreadProps) {
  // New comments not shown yet, by id; counted once they settle.
  const [waiting, setWaiting] = useState<Map<number, LiveComment>>(() => new Map());
  const [shown, setShown] = useState<Shown[]>([]);
  const [elsewhere, setElsewhere] = useState<LiveComment[]>([]);
  const [reload, setReload] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const [focusId, setFocusId] = useState<number | null>(null);
  const [domChanged, setDomChanged] = useState(0);
  const countChanges = useThreadCountChanges();
  const settleTimers = useRef(new Map<number, number>());

  const inPage = useCallback(
    (commentId: number) => document.getElementById(commentAnchor(commentId)) !== null,
    [],
  );

  useEffect(() => {
    const timers = settleTimers.current;
    let source: EventSource | null = null;
    let retry: number | undefined;
    let failures = 0;
    let lastId = after;
    let stopped = false;

    function handle(id: string, data: string) {
      const event = parseLiveEvent(id, data);
      if (!event) return;
      lastId = Math.max(lastId, event.id);
      failures = 0;
      const { comment } = event;
      rememberLiveComment(comment);
      if (!isLiveComment(comment)) {
        setWaiting((map) => without(map, comment.id));
        return;
      }
      const isNew =
        event.kind === "comment.created" ||
        event.kind === "comment.approved" ||
        event.kind === "comment.restored";
      if (!isNew || inPage(comment.id) || timers.has(comment.id)) return;
      timers.set(
        comment.id,
        window.setTimeout(() => {
          timers.delete(comment.id);
          // Published in this tab meanwhile (the form places it), or loaded with a page.
          if (!inPage(comment.id)) setWaiting((map) => new Map(map).set(comment.id, comment));
        }, SETTLE_MS),
      );
    }

    function connect() {
      if (stopped) return;
      source = new EventSource(liveStreamPath(postId, lastId));
      source.onmessage = (message) => handle(message.lastEventId, message.data);
      source.addEventListener("reload", () => {
        setReload(true);
        source?.close();
      });
      source.onerror = () => {
        // EventSource retries a dropped connection itself (with Last-Event-ID); it gives
        // up on a refusal (503 when the server is full): come back later, from lastId.
        if (source?.readyState !== EventSource.CLOSED) return;
        const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)];
        failures++;
        retry = window.setTimeout(connect, wait * (0.75 + Math.random() / 2));
      };
    }

    connect();
    return () => {
      stopped = true;
      source?.close();
      window.clearTimeout(retry);
      for (const timer of timers.values()) window.clearTimeout(timer);
      timers.clear();
    };
  }, [postId, after, inPage]);

  // Comments the page now holds by other ways (this tab's own, "Load more") are not new,
  // and a shown copy steps aside once the thread has the comment itself.
  const watching = waiting.size > 0 || shown.length > 0;
  useEffect(() => {
    if (!watching) return;
    const thread = document.getElementById("comments");
    if (!thread) return;
    const observer = new MutationObserver(() => {
      setWaiting((map) => {
        const left = new Map([...map].filter(([id]) => !inPage(id)));
        return left.size === map.size ? map : left;
      });
      setDomChanged((value) => value + 1);
    });
    observer.observe(thread, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [watching, inPage]);

  const count = waiting.size;
  const lastAnnounced = useRef(0);
  useEffect(() => {
    if (count === lastAnnounced.current) return;
    const timer = window.setTimeout(() => {
      lastAnnounced.current = count;
      if (count > 0) announce(`${newComments(count)} in this discussion.`);
    }, ANNOUNCE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [count]);

  // The first comment shown takes focus once its portal has placed it (a render or two later).
  useEffect(() => {
    if (focusId === null) return;
    const element = document.getElementById(commentAnchor(focusId));
    if (!element) return;
    element.focus({ preventScroll: true });
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    element.scrollIntoView({ block: "center", behavior: reduced ? "auto" : "smooth" });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- focused once; the DOM decided when
    setFocusId(null);
  }, [focusId, shown, domChanged]);

  async function show() {
    const batch = [...waiting.values()].slice(0, MAX_SHOWN_AT_ONCE);
    if (batch.length === 0) return;
    setPending(true);
    try {
      const result = await loadLiveCommentsAction(
        String(postId),
        batch.map((comment) => comment.id).join(","),
      );
      if (result.status !== "success" || !result.comments) {
        setError(result.formError);
        return;
      }
      setError(undefined);
      const placed: Shown[] = [];
      const away: LiveComment[] = [];
      for (const entry of result.comments) {
        if (inPage(entry.id)) continue;
        // A reply goes under its comment; one whose comment is on another page is linked.
        if (entry.parentId === null || inPage(entry.parentId) || placed.some((p) => p.id === entry.parentId))
          placed.push(entry);
        else away.push(batch.find((comment) => comment.id === entry.id)!);
      }
      setWaiting((map) => {
        const left = new Map(map);
        for (const comment of batch) left.delete(comment.id);
        return left;
      });
      lastAnnounced.current = Math.max(0, count - batch.length);
      setShown((list) => [...list, ...placed]);
      setElsewhere((list) => [...list, ...away]);
      for (let i = 0; i < placed.length; i++) countChanges.published();
      const total = placed.length + away.length;
      if (placed.length > 0) {
        setFocusId(placed[0].id);
        announce(`${total === 1 ? "New comment" : `${total} new comments`} shown.`);
      } else
        announce(
          total === 0 ? "Those comments were removed." : "New replies are on other pages; links below.",
        );
    } finally {
      setPending(false);
    }
  }

  const parents = [...new Set(shown.map((entry) => entry.parentId))];
  return (
    <>
      {parents.map((parentId) => (
        <PublishedComments
          key={parentId ?? "top"}
          parentId={parentId}
          comments={shown.filter((entry) => entry.parentId === parentId)}
          focusNewest={false}
        />
      ))}
      {elsewhere.length > 0 && (
        <ul aria-label="New replies elsewhere in the discussion" className="no-print mt-4 space-y-1 text-sm">
          {elsewhere.map((comment) => (
            <li key={comment.id}>
              <a href={commentPermalink(comment.id)} className="link">
                New reply by <bdi>{comment.authorName}</bdi>
              </a>
            </li>
          ))}
        </ul>
      )}
      <FormAlert message={error} />
      {(count > 0 || reload) && (
        <div className="no-print sticky bottom-4 z-10 mt-4 flex justify-center">
          {reload || sort !== DEFAULT_SORT ? (
            <a
              href={typeof window === "undefined" ? "" : window.location.pathname + window.location.search}
              className="rounded-full bg-accent px-4 py-2 text-sm font-semibold text-page shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              {reload ? "The discussion changed — reload" : `${newComments(count)} — reload to show`}
            </a>
          ) : (
            <button
              type="button"
              onClick={show}
              disabled={pending}
              aria-busy={pending}
              className="rounded-full bg-accent px-4 py-2 text-sm font-semibold text-page shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-70"
            >
              {pending ? "Loading comments…" : `${newComments(count)} — show`}
            </button>
          )}
        </div>
      )}
    </>
  );
}

function newComments(count: number): string {
  return `${count} new ${count === 1 ? "comment" : "comments"}`;
}

function without<K, V>(map: Map<K, V>, key: K): Map<K, V> {
  if (!map.has(key)) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}
