"use server";

import { parseForm, type FormSchema } from "@/lib/actions/form";
import { attemptWrite, finish, type Busy } from "@/lib/actions/server";
import { requireUser, type CurrentUser } from "@/lib/auth/guards";
import {
  allCommentsChanged,
  commentSettingsChanged,
  commentsChanged,
  profilesChanged,
} from "@/lib/cache/revalidate";
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
  parseHeldAction,
} from "@/lib/validations/moderation";
import { BlockedWordsSchema } from "@/lib/validations/comment-settings";
import { saveBlockedWords, type SettingsResult } from "@/lib/data/comment-settings";
import { moderateHeld, type HeldActionResult } from "@/lib/data/held-comments";
import { deleteReportedComment, dismissReports } from "@/lib/data/comment-reports";
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
      changed: (result) => (result.deletedComments > 0 ? allCommentsChanged() : profilesChanged()),
    },
  );
}

const HELD_NOTICES = {
  approve: "approved",
  "approve-trust": "approved-trusted",
  delete: "held-deleted",
  spam: "held-spam",
} as const;

/**
 * The Held queue's form: approve, approve and trust, delete or delete as spam, for one
 * comment or the ticked ones. Approving expires the pages that now show the comment.
 */
export async function moderateHeldAction(formData: FormData): Promise<void> {
  const user = await requireUser("/moderation");
  const parsed = parseHeldAction(formData);
  let notice: string = "no-selection";
  if (parsed.success) {
    const { action, ids } = parsed.data;
    const result: HeldActionResult | Busy = await attemptWrite(() => moderateHeld(user, action, ids));
    if (result.ok) for (const post of result.posts) commentsChanged(post, { renderThisPage: true });
    notice = !result.ok ? result.reason : result.changed > 0 ? HELD_NOTICES[action] : "held-none";
  }
  await finish(undefined, { redirectTo: "/moderation", notice, always: true });
}

/** Reports on a comment dismissed: it counts from zero again and, if hidden, shows again. */
export async function dismissReportsAction(formData: FormData): Promise<void> {
  await moderate<typeof RestoreCommentSchema, { post: { id: number; path: string } | null }>(
    formData,
    RestoreCommentSchema,
    async (user, input) => {
      const result = await dismissReports(user, input.commentId);
      return result.ok ? { ok: true, post: result.post } : result;
    },
    {
      notice: "reports-dismissed",
      changed: (result) => result.post && commentsChanged(result.post, { renderThisPage: true }),
    },
  );
}

/** A reported comment deleted from the reports queue (logged like any deletion); its reports close. */
export async function deleteReportedCommentAction(formData: FormData): Promise<void> {
  await moderate(
    formData,
    DeleteCommentSchema,
    (user, input) => deleteReportedComment(user, input.commentId, input.note),
    { notice: "deleted", changed: commentChanged },
  );
}

/** The blocklist, which every moderator may edit. */
export async function saveBlockedWordsAction(formData: FormData): Promise<void> {
  const user = await requireUser("/moderation");
  const form = parseForm(BlockedWordsSchema, formData);
  const result: SettingsResult | Busy = form.ok
    ? await attemptWrite(() => saveBlockedWords(user, form.data.blockedWords))
    : { ok: false, reason: "invalid" };
  if (result.ok) commentSettingsChanged();
  await finish(undefined, {
    redirectTo: "/moderation",
    notice: result.ok ? "words-saved" : result.reason,
    always: true,
  });
}

export async function unbanUserAction(formData: FormData): Promise<void> {
  await moderate(formData, UnbanUserSchema, (user, input) => unbanUser(user, input.userId), {
    notice: "unbanned",
    changed: profilesChanged,
  });
}
