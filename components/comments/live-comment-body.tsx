"use client";

import type { ReactNode } from "react";
import { useLiveComment } from "@/components/comments/live-store";
import { SplitTextView } from "@/components/split-text";
import { COMMENT_MESSAGES, TOMBSTONES } from "@/lib/comments/messages";

/**
 * A comment's text as the page rendered it (`children`), until the live thread says it
 * changed: then its tombstone, the hidden note, or the edited text, in place.
 */
export function LiveCommentBody({ commentId, children }: { commentId: number; children: ReactNode }) {
  const live = useLiveComment(commentId);
  if (!live) return children;
  if (live.deleted) return <p className="text-muted italic">{TOMBSTONES[live.deleted]}</p>;
  if (live.hidden) return <p className="text-muted italic">{COMMENT_MESSAGES.hiddenPendingReview}</p>;
  if (!live.text || live.text.length === 0)
    return <p className="text-muted italic">{COMMENT_MESSAGES.noText}</p>;
  return <SplitTextView text={live.text} className="space-y-3" />;
}
