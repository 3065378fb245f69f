"use client";

import { useOptimistic, useState, useTransition } from "react";
import { announce } from "@/components/comments/thread-announcer";
import { idle } from "@/lib/actions/result";
import { likeCommentAction } from "@/lib/comments/like-action";
import { likeCountLabel } from "@/lib/comments/messages";
import type { CommentSort } from "@/lib/comments/sort";

type LikeButtonProps = {
  commentId: number;
  sort: CommentSort;
  /** The count on the page; the viewer's own like, once GET /api/viewer said (undefined: not yet). */
  likeCount: number;
  liked: boolean | undefined;
};

type LikeView = { liked: boolean; likeCount: number };

/**
 * Like / unlike in place for a signed-in reader: a toggle button (aria-pressed).
 * Optimistic: it shows the new state at once, then the server's answer (the count as
 * stored, others' likes included); a refusal puts the old state back and says why.
 * Focus stays on the button; the live region says what happened.
 */
export function LikeButton({ commentId, sort, likeCount, liked }: LikeButtonProps) {
  const [confirmed, setConfirmed] = useState<LikeView | null>(null);
  const shown = confirmed ?? { liked: liked ?? false, likeCount };
  const [optimistic, setOptimistic] = useOptimistic(shown);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | undefined>();

  function toggle() {
    const next = !optimistic.liked;
    startTransition(async () => {
      setOptimistic({ liked: next, likeCount: Math.max(0, optimistic.likeCount + (next ? 1 : -1)) });
      const form = new FormData();
      form.set("commentId", String(commentId));
      form.set("like", next ? "1" : "0");
      form.set("sort", sort);
      const result = await likeCommentAction(idle, form);
      if (result.status === "success" && result.liked !== undefined && result.likeCount !== undefined) {
        setError(undefined);
        setConfirmed({ liked: result.liked, likeCount: result.likeCount });
        announce(`${result.liked ? "Liked" : "Like removed"}. ${likeCountLabel(result.likeCount)}.`);
      } else {
        setError(result.formError);
        announce(result.formError ?? "");
      }
    });
  }

  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <button
        type="button"
        aria-pressed={optimistic.liked}
        disabled={liked === undefined}
        aria-busy={pending}
        onClick={toggle}
        className="link disabled:opacity-60 aria-pressed:font-semibold"
      >
        <span aria-hidden="true">{optimistic.liked ? "♥" : "♡"} </span>Like
      </button>
      <span className="text-muted">{likeCountLabel(optimistic.likeCount)}</span>
      {error && <span className="text-danger">{error}</span>}
    </span>
  );
}
