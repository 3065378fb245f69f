"use server";

import type { ReactNode } from "react";
import { DiscussionComment } from "@/components/comments/discussion";
import { getOptionalUser } from "@/lib/auth/guards";
import { HOLD_REASON_LABELS } from "@/lib/comments/hold-rules";
import { getVisibleHeldComments } from "@/lib/data/held-comments";
import { getDiscussionTarget } from "@/lib/data/posts";
import { parseId } from "@/lib/validations/ids";

export type HeldForViewer = { id: number; parentId: number | null; comment: ReactNode }[];

/**
 * The held comments of a post that the signed-in viewer may see (their own; all, for a
 * moderator), rendered and marked, for the cached page to place in its thread after
 * load. An action (a POST) is never cached, so a held comment never enters a cached
 * page (docs/decisions/023). Nothing for anyone else.
 */
export async function loadHeldCommentsAction(postIdInput: string): Promise<HeldForViewer> {
  const user = await getOptionalUser();
  const postId = parseId(postIdInput);
  if (!user || postId === null) return [];
  const post = await getDiscussionTarget(postId);
  if (!post) return [];
  const held = await getVisibleHeldComments(user, post.id);
  return held.map(({ comment, reasons }) => ({
    id: comment.id,
    parentId: comment.parentId,
    comment: (
      <DiscussionComment
        post={post}
        comment={comment}
        held={
          comment.authorId === user.id ? "author" : { reasons: reasons.map((r) => HOLD_REASON_LABELS[r]) }
        }
      />
    ),
  }));
}
