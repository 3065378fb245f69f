"use server";

import { parseForm, type FormSchema } from "@/lib/actions/form";
import { attemptWrite, finish, type Busy } from "@/lib/actions/server";
import { requireUser, type CurrentUser } from "@/lib/auth/guards";
import { allCommentsChanged, commentsChanged } from "@/lib/cache/revalidate";
import {
  banUser,
  deleteComment,
  restoreComment,
  unbanUser,
  type ModerationResult,
} from "@/lib/data/moderation";
import {
  BanUserSchema,
  DeleteCommentSchema,
  RestoreCommentSchema,
  UnbanUserSchema,
} from "@/lib/validations/moderation";
import type { z } from "zod";

/**
 * Moderation form actions: plain forms under each queue item. Each re-checks the user
 * and lets the data layer decide permission; the page being moderator-only protects
 * nothing here. They always end back on the queue (rendered per request, so current)
 * with a notice, with or without JavaScript.
 */
async function moderate<S extends FormSchema, T extends object>(
  formData: FormData,
  schema: S,
  write: (user: CurrentUser, input: z.output<S>) => Promise<ModerationResult<T>>,
  done: { notice: string; changed?: (result: { ok: true } & T) => void },
): Promise<void> {
  const user = await requireUser("/moderation");
  const form = parseForm(schema, formData);
  const result: ModerationResult<T> | Busy = form.ok
    ? await attemptWrite(() => write(user, form.data))
    : { ok: false, reason: "invalid" };
  if (result.ok) done.changed?.(result);
  await finish(undefined, {
    redirectTo: "/moderation",
    notice: result.ok ? done.notice : result.reason,
    always: true,
  });
}

// Cached reader pages showing the comment expire; the queue redirect shows it current.
const commentChanged = (result: { postId: number; postPath: string }) =>
  commentsChanged({ id: result.postId, path: result.postPath }, { renderThisPage: true });

export async function restoreCommentAction(formData: FormData): Promise<void> {
  await moderate(formData, RestoreCommentSchema, (user, input) => restoreComment(user, input.commentId), {
    notice: "restored",
    changed: commentChanged,
  });
}

export async function moderateDeleteAction(formData: FormData): Promise<void> {
  await moderate(
    formData,
    DeleteCommentSchema,
    (user, input) => deleteComment(user, input.commentId, input.note),
    { notice: "deleted", changed: commentChanged },
  );
}

export async function banUserAction(formData: FormData): Promise<void> {
  await moderate(
    formData,
    BanUserSchema,
    (user, { userId, reason, deleteComments }) => banUser(user, userId, { reason, deleteComments }),
    {
      notice: "banned",
      // Posts showing the removed comments change too; they are many, so all expire.
      changed: (result) => result.deletedComments > 0 && allCommentsChanged(),
    },
  );
}

export async function unbanUserAction(formData: FormData): Promise<void> {
  await moderate(formData, UnbanUserSchema, (user, input) => unbanUser(user, input.userId), {
    notice: "unbanned",
  });
}
