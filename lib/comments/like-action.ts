"use server";

import { parseForm } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { attemptWrite, authorize, finish, refused } from "@/lib/actions/server";
import { likesChanged } from "@/lib/cache/revalidate";
import { COMMENT_MESSAGES, likeTooFastMessage } from "@/lib/comments/messages";
import { commentViewPath } from "@/lib/comments/paths";
import { locateComment } from "@/lib/data/comment-pages";
import { setCommentLike } from "@/lib/data/comment-likes";
import { LikeCommentSchema } from "@/lib/validations/comment";

export type LikeState = ActionResult & { liked?: boolean; likeCount?: number };

/**
 * Likes or unlikes a comment (docs/decisions/030). With JavaScript it answers with the
 * like's state and the comment's count for the button; without, a plain form post (the
 * per-request page /comments/<id>/like) is sent back to the comment in the order the
 * reader was reading. Who may, and whether the comment may take likes, is decided from
 * the session and the row, never from the form.
 */
export async function likeCommentAction(_previous: LikeState, formData: FormData): Promise<LikeState> {
  return like(formData, { inPlace: true });
}

/** The same from the like page (/comments/<id>/like): it always goes back to the comment. */
export async function likeCommentFromPageAction(
  _previous: LikeState,
  formData: FormData,
): Promise<LikeState> {
  return like(formData, { inPlace: false });
}

async function like(formData: FormData, { inPlace }: { inPlace: boolean }): Promise<LikeState> {
  const form = parseForm(LikeCommentSchema, formData, { hidden: ["commentId", "like", "sort"] });
  const actor = await authorize("like:comment");
  if (!actor.ok) return refused(actor.refusal, {}, { banned: COMMENT_MESSAGES.likeBanned });
  if (!form.ok) return form.result;

  const { commentId, like, sort } = form.data;
  const result = await attemptWrite(() => setCommentLike(actor.user.id, commentId, like));
  if (!result.ok) {
    switch (result.reason) {
      case "busy":
        return refused("busy");
      case "own-comment":
        return { status: "error", formError: COMMENT_MESSAGES.likeOwn };
      case "too-fast":
        return { status: "error", formError: likeTooFastMessage(result.retryAfterSeconds) };
      case "gone":
        return { status: "error", formError: COMMENT_MESSAGES.likeGone };
    }
  }

  likesChanged({ path: result.postPath });
  return finish({ status: "success", liked: result.liked, likeCount: result.likeCount } satisfies LikeState, {
    redirectTo: async () => {
      const location = await locateComment(commentId, sort);
      return location ? commentViewPath(location.postPath, location.view, commentId) : result.postPath;
    },
    always: !inPlace,
  });
}
