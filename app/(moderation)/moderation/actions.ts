"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getOptionalUser } from "@/lib/auth/guards";
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

function finish(result: ModerationResult, success: string, paths: string[] = []): never {
  if (result.ok) {
    for (const path of ["/moderation", "/", ...paths]) revalidatePath(path);
  }
  redirect(`/moderation?notice=${result.ok ? success : result.reason}`);
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
  const result = await restoreComment(user, parsed.data);
  finish(result, "restored", result.ok ? [result.postPath] : []);
}

export async function moderateDeleteAction(formData: FormData): Promise<void> {
  const user = await moderator();
  const parsed = DeleteCommentSchema.safeParse(textFields(formData, ["commentId", "note"] as const));
  if (!parsed.success) finish({ ok: false, reason: "invalid" }, "deleted");
  const result = await deleteComment(user, parsed.data.commentId, parsed.data.note);
  finish(result, "deleted", result.ok ? [result.postPath] : []);
}

export async function banUserAction(formData: FormData): Promise<void> {
  const user = await moderator();
  const parsed = BanUserSchema.safeParse(
    textFields(formData, ["userId", "reason", "deleteComments"] as const),
  );
  if (!parsed.success) finish({ ok: false, reason: "invalid" }, "banned");
  const { userId, reason, deleteComments } = parsed.data;
  const result = await banUser(user, userId, { reason, deleteComments });
  // Posts showing the removed comments change too; their paths are many, so refresh all.
  if (result.ok && result.deletedComments > 0) revalidatePath("/", "layout");
  finish(result, "banned");
}

export async function unbanUserAction(formData: FormData): Promise<void> {
  const user = await moderator();
  const parsed = UserIdSchema.safeParse(textFields(formData, ["userId"] as const).userId);
  if (!parsed.success) finish({ ok: false, reason: "invalid" }, "unbanned");
  finish(await unbanUser(user, parsed.data), "unbanned");
}
