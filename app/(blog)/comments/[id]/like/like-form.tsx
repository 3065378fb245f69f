"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/actions/result";
import { likeCommentFromPageAction, type LikeState } from "@/lib/comments/like-action";
import type { CommentSort } from "@/lib/comments/sort";

type LikeFormProps = { commentId: number; liked: boolean; sort: CommentSort };

/** One button: like, or unlike if the reader already does; a plain form post without JavaScript. */
export function LikeForm({ commentId, liked, sort }: LikeFormProps) {
  const [state, formAction] = useActionState<LikeState, FormData>(likeCommentFromPageAction, idle);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="like" value={liked ? "0" : "1"} />
      <input type="hidden" name="sort" value={sort} />
      <FormAlert message={state.formError} />
      <SubmitButton pendingText={liked ? "Removing…" : "Liking…"}>{liked ? "Unlike" : "Like"}</SubmitButton>
    </form>
  );
}
