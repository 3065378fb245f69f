"use server";

import type { ReactNode } from "react";
import { DiscussionPage } from "@/components/comments/discussion";
import type { ActionResult } from "@/lib/actions/result";
import { COMMENT_MESSAGES } from "@/lib/comments/messages";
import { getCommentPage } from "@/lib/data/comment-pages";
import { getDiscussionTarget } from "@/lib/data/posts";
import { parseId } from "@/lib/validations/ids";

export type MoreComments = ActionResult & {
  comments?: ReactNode;
  firstCommentId?: number | null;
  nextCursor?: number | null;
};

/**
 * "Load more comments" with JavaScript: the next page of the discussion, rendered on
 * the server, to append in place (without JavaScript the same page is a cached URL).
 * Public data only, like the page it extends; bounded like every page.
 */
export async function loadMoreCommentsAction(postIdInput: string, afterInput: string): Promise<MoreComments> {
  const postId = parseId(postIdInput);
  const after = parseId(afterInput);
  const post = postId === null || after === null ? null : await getDiscussionTarget(postId);
  if (!post || after === null) return { status: "error", formError: COMMENT_MESSAGES.moreGone };
  const page = await getCommentPage(post.id, after);
  return {
    status: "success",
    comments: <DiscussionPage post={post} page={page} />,
    firstCommentId: page.comments[0]?.id ?? null,
    nextCursor: page.nextCursor,
  };
}
