"use client";

import { useEffect, useState, useTransition, type ReactNode } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { loadMoreCommentsAction } from "@/lib/comments/load-more-action";
import { announce } from "@/components/comments/thread-announcer";
import { commentAnchor, commentPagePath } from "@/lib/comments/paths";
import { cursorToken, type CommentSort } from "@/lib/comments/sort";

type LoadMoreCommentsProps = { postId: number; postPath: string; after: number; sort: CommentSort };

/**
 * Without JavaScript, a link to the next page of comments (a cached page of its own);
 * with it, a button that appends that page here and moves focus to its first comment.
 */
export function LoadMoreComments({ postId, postPath, after, sort }: LoadMoreCommentsProps) {
  const hydrated = useHydrated();
  const [pages, setPages] = useState<{ key: number; comments: ReactNode }[]>([]);
  const [cursor, setCursor] = useState<number | null>(after);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  // The first comment of the page just appended takes focus once it is in the document.
  const [focusId, setFocusId] = useState<number | null>(null);
  useEffect(() => {
    if (focusId !== null) document.getElementById(commentAnchor(focusId))?.focus();
  }, [focusId]);

  function loadMore() {
    if (cursor === null) return;
    const from = cursor;
    startTransition(async () => {
      const result = await loadMoreCommentsAction(String(postId), cursorToken({ sort, after: from }));
      if (result.status !== "success") {
        setError(result.formError);
        return;
      }
      announce(result.nextCursor ? "More comments loaded." : "More comments loaded. That is all of them.");
      setError(undefined);
      setPages((loaded) => [...loaded, { key: from, comments: result.comments }]);
      setCursor(result.nextCursor ?? null);
      setFocusId(result.firstCommentId ?? null);
    });
  }

  return (
    <>
      {pages.map((page) => (
        <div key={page.key} className="mt-2">
          {page.comments}
        </div>
      ))}
      <FormAlert message={error} />
      {cursor !== null && (
        <p className="no-print mt-4">
          {hydrated ? (
            <button
              type="button"
              className="font-semibold link"
              onClick={loadMore}
              disabled={pending}
              aria-busy={pending}
            >
              {pending ? "Loading comments…" : "Load more comments"}
            </button>
          ) : (
            <a href={commentPagePath(postPath, cursor, sort)} rel="next" className="font-semibold link">
              Load more comments
            </a>
          )}
        </p>
      )}
    </>
  );
}
