"use client";

import { useEffect, useState } from "react";
import { publishedInThisTab } from "@/components/comments/comment-form";
import { PublishedComments } from "@/components/comments/published-comments";
import { fetchViewer } from "@/components/viewer/viewer-context";
import { loadHeldCommentsAction, type HeldForViewer } from "@/lib/comments/held-action";

/**
 * The held comments of this post that the signed-in viewer may see (their own, marked
 * "awaiting moderation"; all of them for a moderator), placed where they would be once
 * approved. The cached page never holds them: the viewer endpoint says whether there
 * are any, and only then are they loaded, rendered by the server (docs/decisions/023).
 */
export function HeldComments({ postId }: { postId: number }) {
  const [held, setHeld] = useState<HeldForViewer>([]);
  useEffect(() => {
    let live = true;
    fetchViewer(postId)
      .then((viewer) => (viewer?.heldCommentIds.length ? loadHeldCommentsAction(String(postId)) : []))
      .then((loaded) => live && setHeld(loaded.filter((entry) => !publishedInThisTab(entry.id))))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [postId]);

  const parents = [...new Set(held.map((entry) => entry.parentId))];
  return parents.map((parentId) => (
    <PublishedComments
      key={parentId ?? "top"}
      parentId={parentId}
      comments={held.filter((entry) => entry.parentId === parentId)}
      focusNewest={false}
    />
  ));
}
