import "server-only";
import { can } from "@/lib/auth/permissions";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { holdReasons, type HoldReason } from "@/lib/comments/hold-rules";
import { mayEditComment, type EditCapacity, type EditRefusal } from "@/lib/comments/edit-rules";
import { getCommentSettings, type CommentSettings } from "@/lib/data/comment-settings";
import {
  authorStanding,
  claimCommentSlot,
  commentBodyHash,
  explainRefusal,
  type CommentLimits,
  type CreateCommentRejection,
} from "@/lib/data/comment-writes";
import { logModeration } from "@/lib/data/moderation-log";
import { changeWithEvent } from "@/lib/events/log";
import type { CurrentUser } from "@/lib/data/users";
import { securityEvent } from "@/lib/log/security";
import { postPath } from "@/lib/posts/paths";
import { asReadable, readableNow } from "@/lib/posts/readable";

/**
 * Editing a comment (docs/decisions/029). Every earlier text is kept as a
 * CommentRevision; the edit follows the rules of a new comment (the text's length and
 * characters in its schema, the hold rules, flood control); and it is one guarded
 * UPDATE on the version the editor saw, so of two saves one wins and the other is told.
 */

type Actor = Pick<
  CurrentUser,
  "id" | "name" | "role" | "banned" | "createdAt" | "trustedAt" | "emailVerifiedAt"
>;

/** A comment's version as an edit form carries it: its editedAt in ms, 0 if never edited. */
export const versionOf = (editedAt: Date | null): number => editedAt?.getTime() ?? 0;

const editableSelect = {
  id: true,
  postId: true,
  authorId: true,
  authorName: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  status: true,
  post: { select: { slug: true, title: true, publishedAt: true, commentsEnabled: true } },
} as const;

async function loadEditable(commentId: number) {
  const [row, imported] = await Promise.all([
    db.comment.findFirst({ where: { id: commentId, post: readableNow() }, select: editableSelect }),
    db.importedItem.findFirst({ where: { kind: "comment", localId: commentId }, select: { id: true } }),
  ]);
  return row && { row, imported: imported !== null };
}

export type EditTarget = {
  id: number;
  postId: number;
  postTitle: string;
  postPath: string;
  authorName: string;
  body: string;
  version: number;
  as: EditCapacity;
  held: boolean;
};

export type EditLookup = { ok: true; comment: EditTarget } | { ok: false; reason: EditRefusal | "not-found" };

/** A comment as its edit form starts from, if `actor` may edit it now. */
export async function getCommentForEdit(
  actor: Actor,
  commentId: number,
  now = new Date(),
  settings?: CommentSettings,
): Promise<EditLookup> {
  const [found, rules] = await Promise.all([loadEditable(commentId), settings ?? getCommentSettings()]);
  if (!found) return { ok: false, reason: "not-found" };
  const { row, imported } = found;
  const may = mayEditComment(actor, factsOf(row, imported), rules.editWindowMinutes, now);
  if (!may.ok) return may;
  return {
    ok: true,
    comment: {
      id: row.id,
      postId: row.postId,
      postTitle: row.post.title,
      postPath: postPath(asReadable(row.post)),
      authorName: row.authorName,
      body: row.body,
      version: versionOf(row.editedAt),
      as: may.as,
      held: row.status === "held",
    },
  };
}

function factsOf(
  row: { authorId: string | null; createdAt: Date; deletedAt: Date | null; status: string },
  imported: boolean,
) {
  return {
    authorId: row.authorId,
    createdAt: row.createdAt,
    deleted: row.deletedAt !== null,
    held: row.status === "held",
    imported,
  };
}

export type EditInput = {
  commentId: number;
  body: string;
  /** The version the editor started from (versionOf). */
  version: number;
  /** A moderator's reason for editing someone else's comment. */
  note: string | null;
};

export type EditRejection =
  { reason: EditRefusal | "not-found" | "conflict" | "note-required" } | CreateCommentRejection;

export type EditResult =
  | {
      ok: true;
      postId: number;
      postPath: string;
      /** False when the text was the same: nothing was written. */
      changed: boolean;
      /** Held for review now (it was, or the edit made it so). */
      held: boolean;
      /** Readers saw it before the edit: their pages must change. */
      wasPublished: boolean;
    }
  | ({ ok: false } & EditRejection);

/**
 * Saves an edit. Order: load → may the actor edit it → (an author's edit) flood control
 * and the hold rules → keep the old text as a revision → one UPDATE guarded on the
 * version the editor saw, not deleted, same status. A revision is written before the
 * UPDATE and removed if the UPDATE finds the comment changed: no crash between the two
 * can lose a version (at worst a revision repeats the current text).
 */
export async function editComment(
  actor: Actor,
  input: EditInput,
  limits: CommentLimits = config.commentLimits,
  now = new Date(),
  settings?: CommentSettings,
): Promise<EditResult> {
  const [found, rules] = await Promise.all([loadEditable(input.commentId), settings ?? getCommentSettings()]);
  if (!found) return { ok: false, reason: "not-found" };
  const { row, imported } = found;
  const may = mayEditComment(actor, factsOf(row, imported), rules.editWindowMinutes, now);
  if (!may.ok) return may;
  if (may.as === "moderator" && !input.note) return { ok: false, reason: "note-required" };
  if (may.as === "author" && !row.post.commentsEnabled) return { ok: false, reason: "comments-closed" };
  if (versionOf(row.editedAt) !== input.version) return { ok: false, reason: "conflict" };

  const path = postPath(asReadable(row.post));
  const wasPublished = row.status === "published";
  if (input.body === row.body)
    return {
      ok: true,
      postId: row.postId,
      postPath: path,
      changed: false,
      held: !wasPublished,
      wasPublished,
    };

  // An author's edit is a write like a comment: it takes a flood-control slot (the
  // interval, the hourly cap, the duplicate rule) and meets the hold rules. A
  // moderator acting on someone else's comment is not flood-controlled or held.
  let reasons: HoldReason[] = [];
  if (may.as === "author") {
    const slot = {
      author: actor,
      postId: row.postId,
      body: input.body,
      idempotencyKey: `edit-${row.id}-${input.version}`,
    };
    const duplicateSince = new Date(now.getTime() - rules.duplicateWindowMinutes * 60_000);
    const bodyHash = commentBodyHash(row.postId, input.body);
    if (!(await claimCommentSlot(slot, bodyHash, duplicateSince, limits, now)))
      return { ok: false, ...(await explainRefusal(slot, bodyHash, duplicateSince, limits, now)) };
    reasons = holdReasons({
      body: input.body,
      author: await authorStanding(actor, rules),
      signals: { honeypotFilled: false, elapsedMs: null },
      rules,
      now,
    });
  }

  const revision = await retryOnConflict(() =>
    db.commentRevision.create({
      data: {
        commentId: row.id,
        body: row.body,
        writtenAt: row.editedAt ?? row.createdAt,
        replacedAt: now,
        editorId: actor.id,
        note: may.as === "moderator" ? input.note : null,
      },
      select: { id: true },
    }),
  );
  // A held comment stays held until a moderator approves it, whatever the new text.
  const held = reasons.length > 0 || !wasPublished;
  // A published comment whose new text is held leaves the readers' thread: that is its event.
  const updated = await changeWithEvent(
    () =>
      db.comment.update({
        where: { id: row.id, deletedAt: null, status: row.status, editedAt: row.editedAt },
        data: {
          body: input.body,
          editedAt: now,
          ...(reasons.length > 0 ? { status: "held", heldReasons: JSON.stringify(reasons) } : {}),
        },
        select: { id: true },
      }),
    {
      kind: reasons.length > 0 && wasPublished ? "comment.held" : "comment.edited",
      postId: row.postId,
      commentId: row.id,
      actorId: actor.id,
      createdAt: now,
    },
  );
  if (!updated) {
    await db.commentRevision.delete({ where: { id: revision.id } });
    return { ok: false, reason: "conflict" };
  }
  if (may.as === "moderator")
    await logModeration(actor.id, "comment.edit", "comment", row.id, input.note ?? undefined);
  if (reasons.length > 0)
    securityEvent("comment.held", {
      userId: actor.id,
      postId: row.postId,
      commentId: row.id,
      reasons,
      edit: true,
    });
  return { ok: true, postId: row.postId, postPath: path, changed: true, held, wasPublished };
}

export type CommentRevisionView = {
  id: number;
  body: string;
  writtenAt: Date;
  replacedAt: Date;
  editorName: string | null;
  byModerator: boolean;
  note: string | null;
};

/**
 * A comment's history for moderators: its current text and every earlier one, newest
 * first. Null for anyone else, or an unknown comment.
 */
export async function getCommentHistory(
  reader: Pick<CurrentUser, "role" | "banned">,
  commentId: number,
): Promise<{
  comment: {
    id: number;
    authorName: string;
    authorId: string | null;
    body: string;
    createdAt: Date;
    editedAt: Date | null;
    deleted: boolean;
    postTitle: string;
    postPath: string | null;
  };
  revisions: CommentRevisionView[];
} | null> {
  if (!can(reader, "view:moderation")) return null;
  const row = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      authorId: true,
      authorName: true,
      body: true,
      createdAt: true,
      editedAt: true,
      deletedAt: true,
      post: { select: { title: true, slug: true, publishedAt: true } },
      revisions: { orderBy: { id: "desc" }, take: 200 },
    },
  });
  if (!row) return null;
  const editorIds = [
    ...new Set(row.revisions.map((r) => r.editorId).filter((id): id is string => id !== null)),
  ];
  const editors = new Map(
    (await db.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, name: true } })).map(
      (u) => [u.id, u.name],
    ),
  );
  return {
    comment: {
      id: row.id,
      authorId: row.authorId,
      authorName: row.authorName,
      body: row.body,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      deleted: row.deletedAt !== null,
      postTitle: row.post.title,
      postPath: row.post.publishedAt
        ? postPath({ slug: row.post.slug, publishedAt: row.post.publishedAt })
        : null,
    },
    revisions: row.revisions.map((r) => ({
      id: r.id,
      body: r.body,
      writtenAt: r.writtenAt,
      replacedAt: r.replacedAt,
      editorName: r.editorId ? (editors.get(r.editorId) ?? null) : null,
      byModerator: r.editorId !== row.authorId,
      note: r.note,
    })),
  };
}
