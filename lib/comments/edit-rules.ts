import { can, type PermissionSubject } from "@/lib/auth/permissions";

/**
 * Who may edit a comment, and in which capacity (docs/decisions/029). Pure and
 * client-safe: the data layer (lib/data/comment-edits.ts) decides with it from the row,
 * and the viewer endpoint with it from the viewer's own comments.
 */

export type EditCapacity = "author" | "moderator";

export type EditRefusal = "deleted" | "forbidden" | "window-closed" | "held";

/** What the rule reads about a comment. */
export type EditableFacts = {
  authorId: string | null;
  createdAt: Date;
  deleted: boolean;
  held: boolean;
  /** Came from an import (lib/import): it has no account behind it. */
  imported: boolean;
};

/** Whether `createdAt` is still inside the author's edit window at `now`. */
export function withinEditWindow(createdAt: Date, windowMinutes: number, now: Date): boolean {
  return now.getTime() < createdAt.getTime() + windowMinutes * 60_000;
}

/**
 * Nobody edits a deleted comment. Authors edit their own (held ones too) within the
 * window; moderators and admins edit their own at any time, and anyone else's published
 * comment at any time as a moderator (with a note), imported ones included. A held
 * comment of someone else is approved or deleted, not rewritten.
 */
export function mayEditComment(
  actor: (PermissionSubject & { id: string }) | null | undefined,
  comment: EditableFacts,
  windowMinutes: number,
  now: Date,
): { ok: true; as: EditCapacity } | { ok: false; reason: EditRefusal } {
  if (!actor) return { ok: false, reason: "forbidden" };
  if (comment.deleted) return { ok: false, reason: "deleted" };
  const own = comment.authorId !== null && comment.authorId === actor.id && !comment.imported;
  if (own && can(actor, "edit:comment:own")) {
    if (can(actor, "edit:comment:any") || withinEditWindow(comment.createdAt, windowMinutes, now))
      return { ok: true, as: "author" };
    return { ok: false, reason: "window-closed" };
  }
  if (!can(actor, "edit:comment:any")) return { ok: false, reason: "forbidden" };
  if (comment.held) return { ok: false, reason: "held" };
  return { ok: true, as: "moderator" };
}
