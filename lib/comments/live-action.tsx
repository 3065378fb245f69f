"use server";

import type { ReactNode } from "react";
import { DiscussionComment } from "@/components/comments/discussion";
import type { ActionResult } from "@/lib/actions/result";
import { COMMENT_MESSAGES } from "@/lib/comments/messages";
import { getPublishedComments } from "@/lib/data/live-comments";
import { getDiscussionTarget } from "@/lib/data/posts";
import { parseId } from "@/lib/validations/ids";

export type LiveComments = ActionResult & {
  comments?: { id: number; parentId: number | null; comment: ReactNode }[];
};

/** At most this many at once: the live thread asks for what its banner counted. */
const MAX_IDS = 100;
const ID_LIST = new RegExp(`^[1-9]\\d{0,9}(?:,[1-9]\\d{0,9}){0,${MAX_IDS - 1}}$`);

/**
 * "Show" on a live thread's banner (docs/decisions/038): the new comments it counted,
 * rendered on the server as the thread renders them, for the page to place where a
 * reload would. Public data only, like the cached page they join; `ids` is "1,2,3".
 */
export async function loadLiveCommentsAction(postIdInput: string, idsInput: string): Promise<LiveComments> {
  const postId = parseId(postIdInput);
  const ids =
    typeof idsInput === "string" && ID_LIST.test(idsInput)
      ? [...new Set(idsInput.split(",").map(Number))]
      : null;
  const post = postId === null || ids === null ? null : await getDiscussionTarget(postId);
  if (!post || ids === null) return { status: "error", formError: COMMENT_MESSAGES.moreGone };
  const comments = await getPublishedComments(post.id, ids);
  return {
    status: "success",
    comments: comments.map((comment) => ({
      id: comment.id,
      parentId: comment.parentId,
      comment: <DiscussionComment post={post} comment={comment} />,
    })),
  };
}
