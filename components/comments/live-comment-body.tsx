"use client";

import { Fragment, type ReactNode } from "react";
import { useLiveComment } from "@/components/comments/live-store";
import { USER_LINK_REL } from "@/lib/text/user-link";
import { COMMENT_MESSAGES, TOMBSTONES } from "@/lib/comments/messages";
import type { LiveText } from "@/lib/live/messages";

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
  return <LiveTextView text={live.text} />;
}

const SAFE_HREF = /^(?:https?:|mailto:)/i;

/** What UserText renders, from segments the server split (no link finder in the browser). */
function LiveTextView({ text }: { text: LiveText }) {
  return (
    <div dir="auto" className="space-y-3">
      {text.map((lines, p) => (
        <p key={p}>
          {lines.map((segments, l) => (
            <Fragment key={l}>
              {l > 0 && <br />}
              {segments.map((segment, s) =>
                segment.kind === "link" && SAFE_HREF.test(segment.href) ? (
                  <a key={s} href={segment.href} rel={USER_LINK_REL} className="break-all link">
                    {segment.text}
                  </a>
                ) : (
                  <Fragment key={s}>{segment.text}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
