"use server";

import type { ReactNode } from "react";
import { DiscussionComment } from "@/components/comments/discussion";
import { parseForm } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { attemptWrite, authorize, finish, refused } from "@/lib/actions/server";
import { safeReturnPath } from "@/lib/auth/redirects";
import { commentsChanged } from "@/lib/cache/revalidate";
import { COMMENT_MESSAGES, COMMENTING_REFUSALS, rejectionMessage } from "@/lib/comments/messages";
import { commentViewPath, heldCommentPath } from "@/lib/comments/paths";
import { locateComment, placeComment } from "@/lib/data/comment-pages";
import { createComment } from "@/lib/data/comment-writes";
import { getThreadComment } from "@/lib/data/comments";
import { deleteComment } from "@/lib/data/moderation";
import { ReplySchema } from "@/lib/validations/comment";
import { DeleteCommentFormSchema } from "@/lib/validations/moderation";

export type ReplyState = ActionResult<{ body: string }> & {
  commentId?: number;
  /** Held for review: shown to its author only, not counted. */
  held?: boolean;
  /** The stored comment, rendered by the server, for the page to show in place. */
  comment?: ReactNode;
};

/**
 * Publishes a comment or reply from the post's own page. With JavaScript it answers
 * with the one comment it stored, rendered, never the thread, so its cost does not
 * grow with the thread (docs/decisions/010); without, it redirects to the comment.
 * Every refusal keeps the typed text.
 */
export async function createReplyAction(_previous: ReplyState, formData: FormData): Promise<ReplyState> {
  return publish(formData, { inPlace: true });
}

/** The same from a page of its own (/comments/<id>/reply): it always ends at the comment in its thread. */
export async function createReplyFromPageAction(
  _previous: ReplyState,
  formData: FormData,
): Promise<ReplyState> {
  return publish(formData, { inPlace: false });
}

async function publish(formData: FormData, { inPlace }: { inPlace: boolean }): Promise<ReplyState> {
  const form = parseForm(ReplySchema, formData, {
    hidden: ["postId", "parentId", "idempotencyKey", "website", "startedAt"],
  });
  const values = { body: form.values.body ?? "" };
  const author = await authorize("create:comment");
  if (!author.ok) return refused(author.refusal, values, COMMENTING_REFUSALS);
  if (!form.ok) return { ...form.result, values };

  const { website, startedAt, ...comment } = form.data;
  const signals = { honeypotFilled: website, elapsedMs: startedAt === null ? null : Date.now() - startedAt };
  const result = await attemptWrite(() => createComment({ author: author.user, ...comment, signals }));
  if (!result.ok)
    return result.reason === "busy"
      ? refused("busy", values)
      : { status: "error", formError: rejectionMessage(result), values };

  const post = {
    id: form.data.postId,
    path: result.postPath,
    commentsEnabled: true,
    authorId: result.postAuthorId,
  };
  const { commentId, held } = result;
  // A held comment changes no reader's page: nothing cached expires until it is approved.
  if (!held) commentsChanged(post, { renderThisPage: false });
  return finish(
    async () => {
      const stored = result.stored?.comment ?? (await getThreadComment(commentId));
      const comment = stored && (
        <DiscussionComment post={post} comment={stored} held={held ? "author" : undefined} />
      );
      return { status: "success", commentId, held, comment, values: { body: "" } } satisfies ReplyState;
    },
    {
      redirectTo: async () => {
        // Cached pages never show a held comment: its own page shows it to its author.
        if (held) return heldCommentPath(commentId);
        // A comment just stored has a known place; a repeated submit is looked up.
        const thread = result.stored?.thread;
        const location = thread
          ? await placeComment({ id: commentId, postId: post.id, ...thread }, post.path)
          : await locateComment(commentId);
        return location
          ? commentViewPath(location.postPath, location.view, commentId)
          : `${post.path}#comments`;
      },
      always: !inPlace,
    },
  );
}

export type DeleteState = ActionResult<{ note: string }> & { deletedId?: number };

/**
 * Deletes a comment (soft). Whether the user may is decided in the data layer from the
 * comment's real author and the user's current role, never from anything the form says.
 * With JavaScript Next answers with the page rendered afresh (the thread updates in
 * place); without, it redirects back to where the reader came from.
 */
export async function deleteCommentAction(_previous: DeleteState, formData: FormData): Promise<DeleteState> {
  return remove(formData, { inPlace: true });
}

/** The same from the confirmation page (/comments/<id>/delete): it always goes back to `returnTo`. */
export async function deleteCommentFromPageAction(
  _previous: DeleteState,
  formData: FormData,
): Promise<DeleteState> {
  return remove(formData, { inPlace: false });
}

async function remove(formData: FormData, { inPlace }: { inPlace: boolean }): Promise<DeleteState> {
  const form = parseForm(DeleteCommentFormSchema, formData, { hidden: ["commentId", "returnTo"] });
  const values = { note: form.values.note ?? "" };
  // Everyone who may delete anything may delete their own; whose comment it is comes later.
  const actor = await authorize("delete:comment:own");
  if (!actor.ok) return refused(actor.refusal, values);
  if (!form.ok) return { ...form.result, values };

  const { commentId, note, returnTo } = form.data;
  const result = await attemptWrite(() => deleteComment(actor.user, commentId, note));
  if (!result.ok) {
    if (result.reason === "busy") return refused("busy", values);
    const formError =
      result.reason === "forbidden" ? COMMENT_MESSAGES.deleteForbidden : COMMENT_MESSAGES.deleteGone;
    return { status: "error", formError, values };
  }

  commentsChanged({ id: result.postId, path: result.postPath }, { renderThisPage: true });
  return finish(
    { status: "success", deletedId: commentId },
    { redirectTo: safeReturnPath(returnTo, `${result.postPath}#comments`), always: !inPlace },
  );
}
