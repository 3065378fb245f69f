"use client";

import { Fragment, useEffect, useLayoutEffect, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { CommentReplies } from "@/components/comments/comment-replies";
import { commentAnchor } from "@/lib/comments/paths";

export type PublishedComment = { id: number; comment: ReactNode };

type Target = { list: Element; wrap: boolean };

/**
 * Comments this tab published, shown where a reload would show them: a reply at the end
 * of its parent's replies, a comment at the end of the thread. The thread is cached HTML
 * outside this component, so they join it through a portal.
 */
export function PublishedComments({
  parentId,
  comments,
  focusNewest = true,
}: {
  parentId: number | null;
  comments: PublishedComment[];
  /** False for comments shown after load (held ones): they do not take the reader's focus. */
  focusNewest?: boolean;
}) {
  const [target, setTarget] = useState<Target | null>(null);
  const hasComments = comments.length > 0;

  useLayoutEffect(() => {
    if (!hasComments) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the target is found in the DOM after mount
    setTarget(findTarget(parentId));
  }, [parentId, hasComments]);

  // Once the page is refreshed its own thread has them: show each one once. Checked
  // after every commit (a refresh re-renders this with the same props); it settles at
  // once, as the state is set only when what the DOM holds changed.
  const [inThread, setInThread] = useState<number[]>([]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const found = comments.filter((entry) => isInThread(entry.id)).map((entry) => entry.id);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- what the refreshed page holds is only known from the DOM
    if (found.length !== inThread.length) setInThread(found);
  });

  // The newest one takes focus once it is in the page (the form it came from is gone).
  const newest = comments.at(-1)?.id;
  const [focused, setFocused] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (!focusNewest || !target || newest === undefined || newest === focused) return;
    const element = document.getElementById(commentAnchor(newest));
    if (!element) return;
    element.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- remembers which one was focused, once
    setFocused(newest);
  }, [focusNewest, target, newest, focused]);

  const shown = comments.filter((entry) => !inThread.includes(entry.id));
  if (!target || shown.length === 0) return null;
  const items = shown.map((entry) => <Fragment key={entry.id}>{entry.comment}</Fragment>);
  return createPortal(target.wrap ? <CommentReplies>{items}</CommentReplies> : items, target.list);
}

function isInThread(commentId: number): boolean {
  return [...document.querySelectorAll(`[id="${commentAnchor(commentId)}"]`)].some(
    (element) => !element.hasAttribute("data-published"),
  );
}

function findTarget(parentId: number | null): Target | null {
  if (parentId === null) {
    const list = document.querySelector("#comments > ol");
    return list && { list, wrap: false };
  }
  const parent = document.getElementById(commentAnchor(parentId));
  if (!parent) return null;
  const replies = parent.querySelector(":scope > .comment-replies > ol");
  return replies ? { list: replies, wrap: false } : { list: parent, wrap: true };
}
