"use server";

import type { ReactNode } from "react";
import { DiscussionPage } from "@/components/comments/discussion";
import type { ActionResult } from "@/lib/actions/result";
import { COMMENT_MESSAGES } from "@/lib/comments/messages";
import { parseCursorToken } from "@/lib/comments/sort";
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
export async function loadMoreCommentsAction(
  postIdInput: string,
  cursorInput: string,
): Promise<MoreComments> {
  const postId = parseId(postIdInput);
  // A cursor names its order too ("best-123"; lib/comments/sort.ts).
  const cursor = typeof cursorInput === "string" ? parseCursorToken(cursorInput) : null;
  const post = postId === null || cursor === null ? null : await getDiscussionTarget(postId);
  if (!post || cursor === null) return { status: "error", formError: COMMENT_MESSAGES.moreGone };
  const page = await getCommentPage(post.id, cursor.after, cursor.sort);
  return {
    status: "success",
    comments: <DiscussionPage post={post} page={page} sort={cursor.sort} />,
    firstCommentId: page.comments[0]?.id ?? null,
    nextCursor: page.nextCursor,
  };
}
