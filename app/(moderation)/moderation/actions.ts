"use server";

import { redirect } from "next/navigation";
import { getOptionalUser } from "@/lib/auth/guards";
import { allCommentsChanged, commentsChanged } from "@/lib/cache/revalidate";
import { isDatabaseBusy } from "@/lib/data/errors";
import {
  banUser,
  deleteComment,
  restoreComment,
  unbanUser,
  type ModerationResult,
} from "@/lib/data/moderation";
import { textFields } from "@/lib/forms";
import {
  BanUserSchema,
  CommentIdSchema,
  DeleteCommentSchema,
  UserIdSchema,
} from "@/lib/validations/moderation";

/**
 * Moderation form actions. Each re-checks the user and lets the data layer decide
 * permission; the page being moderator-only protects nothing here. They finish with a
 * redirect back to the queue carrying a notice, which works with or without JavaScript.
 */

type Outcome<T> = ModerationResult<T> | { ok: false; reason: "busy" };

// The queue is rendered per request, so the redirect shows it current; cached reader
// pages showing the comment are expired here.
function finish(result: Outcome<object>, success: string, changedPost?: { id: number; path: string }): never {
  if (result.ok && changedPost) commentsChanged(changedPost, { renderThisPage: true });
  redirect(`/moderation?notice=${result.ok ? success : result.reason}`);
}

/** Runs a moderation write; another process holding the write lock too long is a notice, not an error page. */
async function attempt<T>(write: () => Promise<ModerationResult<T>>): Promise<Outcome<T>> {
  try {
    return await write();
  } catch (error) {
    if (isDatabaseBusy(error)) return { ok: false, reason: "busy" };
    throw error;
  }
}

async function moderator() {
  const user = await getOptionalUser();
  if (!user) redirect("/signin?callbackUrl=%2Fmoderation");
  return user;
}

export async function restoreCommentAction(formData: FormData): Promise<void> {
  const user = await moderator();
  const parsed = CommentIdSchema.safeParse(textFields(formData, ["commentId"] as const).commentId);
  if (!parsed.success) finish({ ok: false, reason: "invalid" }, "restored");
  const result = await attempt(() => restoreComment(user, parsed.data));
  finish(result, "restored", result.ok ? { id: result.postId, path: result.postPath } : undefined);
}

export async function moderateDeleteAction(formData: FormData): Promise<void> {
  const user = await moderator();
  const parsed = DeleteCommentSchema.safeParse(textFields(formData, ["commentId", "note"] as const));
  if (!parsed.success) finish({ ok: false, reason: "invalid" }, "deleted");
  const result = await attempt(() => deleteComment(user, parsed.data.commentId, parsed.data.note));
  finish(result, "deleted", result.ok ? { id: result.postId, path: result.postPath } : undefined);
}

export async function banUserAction(formData: FormData): Promise<void> {
  const user = await moderator();
  const parsed = BanUserSchema.safeParse(
    textFields(formData, ["userId", "reason", "deleteComments"] as const),
  );
  if (!parsed.success) finish({ ok: false, reason: "invalid" }, "banned");
  const { userId, reason, deleteComments } = parsed.data;
  const result = await attempt(() => banUser(user, userId, { reason, deleteComments }));
  // Posts showing the removed comments change too; their paths are many, so refresh all.
  if (result.ok && result.deletedComments > 0) allCommentsChanged();
  finish(result, "banned");
}

export async function unbanUserAction(formData: FormData): Promise<void> {
  const user = await moderator();
  const parsed = UserIdSchema.safeParse(textFields(formData, ["userId"] as const).userId);
  if (!parsed.success) finish({ ok: false, reason: "invalid" }, "unbanned");
  finish(await attempt(() => unbanUser(user, parsed.data)), "unbanned");
}
