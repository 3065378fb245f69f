"use server";

import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getOptionalUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { commentsChanged } from "@/lib/cache/revalidate";
import { rejectionMessage } from "@/lib/comments/messages";
import { locateComment } from "@/lib/data/comment-pages";
import { createComment } from "@/lib/data/comment-writes";
import { getThreadComment } from "@/lib/data/comments";
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from "@/lib/data/errors";
import { firstFieldErrors, textFields, type FormState } from "@/lib/forms";
import { commentViewPath } from "@/lib/posts/paths";
import { ReplySchema } from "@/lib/validations/comment";
import { DiscussionComment } from "./discussion";

export type ReplyState = FormState<{ body: string }> & {
  commentId?: number;
  /** The stored comment, rendered by the server, for the page to show in place. */
  comment?: ReactNode;
};

/**
 * Publishes a comment or reply. Order: authenticate → parse → authorize → mutate →
 * revalidate → redirect (without JavaScript) or return (with it). It answers with the
 * one comment it stored, never the thread, so its cost does not grow with the thread.
 * Every refusal keeps the typed text in the returned state.
 */
export async function createReplyAction(_previous: ReplyState, formData: FormData): Promise<ReplyState> {
  const fields = textFields(formData, ["postId", "parentId", "body", "idempotencyKey", "js"] as const);
  const values = { body: fields.body };

  const user = await getOptionalUser();
  if (!user)
    return {
      status: "error",
      formError: "You are signed out. Sign in to publish; your text is kept here.",
      values,
    };

  const parsed = ReplySchema.safeParse(fields);
  if (!parsed.success) {
    const errors = firstFieldErrors(parsed.error);
    return {
      status: "error",
      fieldErrors: errors.body ? { body: errors.body } : undefined,
      formError: errors.body
        ? undefined
        : (errors.idempotencyKey ?? "This form is out of date; reload the page."),
      values,
    };
  }

  if (!can(user, "create:comment")) {
    const formError = user.banned
      ? "Your account has been banned from commenting."
      : "Your account cannot comment.";
    return { status: "error", formError, values };
  }

  let result;
  try {
    result = await createComment({ author: user, ...parsed.data });
  } catch (error) {
    // Another process held the write lock too long: nothing was stored; the draft stays.
    if (isDatabaseBusy(error)) return { status: "error", formError: DATABASE_BUSY_MESSAGE, values };
    throw error;
  }
  if (!result.ok) return { status: "error", formError: rejectionMessage(result), values };

  const post = { id: parsed.data.postId, path: result.postPath, commentsEnabled: true };
  commentsChanged(post, { renderThisPage: false });
  if (fields.js !== "1") {
    const location = await locateComment(result.commentId);
    redirect(
      location
        ? commentViewPath(location.postPath, location.view, result.commentId)
        : `${result.postPath}#comments`,
    );
  }
  const stored = await getThreadComment(result.commentId);
  const comment = stored && <DiscussionComment post={post} comment={stored} />;
  return { status: "success", commentId: result.commentId, comment, values: { body: "" } };
}
