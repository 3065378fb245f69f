import "server-only";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { getCommentSettings, type CommentSettings } from "@/lib/data/comment-settings";
import { isUniqueViolation } from "@/lib/data/errors";
import { changeWithEvent } from "@/lib/events/log";
import { deleteComment } from "@/lib/data/moderation";
import { logModeration } from "@/lib/data/moderation-log";
import type { CurrentUser } from "@/lib/data/users";
import { postPath } from "@/lib/posts/paths";
import { asReadable, readableNow } from "@/lib/posts/readable";
import type { ReportReason } from "@/lib/validations/comment";

/**
 * Readers' reports of comments (docs/decisions/029). One per reader per comment (a
 * unique key, so parallel copies store one); after `reportsToHide` open reports the
 * comment is hidden from readers by one guarded UPDATE (hiddenAt still null), so
 * however many reports arrive together it is hidden once. Who reported is kept for
 * moderators only: nothing here returns it to anyone else.
 */

type Actor = Pick<CurrentUser, "id" | "role" | "banned">;

/** Reports one reader may send in an hour: enough for a bad thread, too few to bury one. */
export const REPORTS_PER_HOUR = 10;

export type ReportResult =
  | { ok: true; hidden: boolean; postId: number; postPath: string }
  | { ok: false; reason: "forbidden" | "not-found" | "own" | "already-reported" | "too-many" };

export async function reportComment(
  actor: Actor,
  input: { commentId: number; reason: ReportReason; note: string | null },
  now = new Date(),
  settings?: CommentSettings,
): Promise<ReportResult> {
  if (!can(actor, "report:comment")) return { ok: false, reason: "forbidden" };
  const comment = await db.comment.findFirst({
    where: { id: input.commentId, deletedAt: null, status: "published", post: readableNow() },
    select: { id: true, authorId: true, post: { select: { id: true, slug: true, publishedAt: true } } },
  });
  if (!comment) return { ok: false, reason: "not-found" };
  if (comment.authorId === actor.id) return { ok: false, reason: "own" };
  const path = postPath(asReadable(comment.post));

  // A count, not a guarded slot: parallel reports of one reader can pass it together,
  // but each still needs a comment they have not reported yet (the unique key).
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const recent = await db.commentReport.count({
    where: { reporterId: actor.id, createdAt: { gt: hourAgo } },
  });
  if (recent >= REPORTS_PER_HOUR) return { ok: false, reason: "too-many" };

  try {
    await retryOnConflict(() =>
      db.commentReport.create({
        data: {
          commentId: comment.id,
          reporterId: actor.id,
          reason: input.reason,
          note: input.note,
          createdAt: now,
        },
        select: { id: true },
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already-reported" };
    throw error;
  }

  const rules = settings ?? (await getCommentSettings());
  const open = await db.commentReport.count({ where: { commentId: comment.id, resolvedAt: null } });
  let hidden = false;
  if (open >= rules.reportsToHide) {
    hidden = await changeWithEvent(
      () =>
        db.comment.update({
          where: { id: comment.id, hiddenAt: null, deletedAt: null },
          data: { hiddenAt: now },
          select: { id: true },
        }),
      // The reports hide it, not this reporter: the event names no one.
      {
        kind: "comment.hidden",
        postId: comment.post.id,
        commentId: comment.id,
        actorId: null,
        createdAt: now,
      },
    );
  }
  return { ok: true, hidden, postId: comment.post.id, postPath: path };
}

export type ReportedComment = {
  id: number;
  body: string;
  authorName: string;
  createdAt: Date;
  editedAt: Date | null;
  hidden: boolean;
  post: { title: string; path: string | null };
  count: number;
  /** Each open report's reason and note, oldest first; reporters are not named. */
  reports: { reason: ReportReason; note: string | null; createdAt: Date }[];
};

/**
 * Live comments with open reports, most reported first, for /moderation. Null for a
 * non-moderator.
 */
export async function getReportQueue(
  reader: Actor,
  { limit = 50 }: { limit?: number } = {},
): Promise<{ comments: ReportedComment[]; total: number } | null> {
  if (!can(reader, "view:moderation")) return null;
  const open = { resolvedAt: null, comment: { deletedAt: null } } as const;
  const groups = await db.commentReport.groupBy({
    by: ["commentId"],
    where: open,
    _count: { _all: true },
    _min: { id: true },
  });
  groups.sort((a, b) => b._count._all - a._count._all || (a._min.id ?? 0) - (b._min.id ?? 0));
  const page = groups.slice(0, limit);
  const rows = await db.comment.findMany({
    where: { id: { in: page.map((group) => group.commentId) } },
    select: {
      id: true,
      body: true,
      authorName: true,
      createdAt: true,
      editedAt: true,
      hiddenAt: true,
      post: { select: { title: true, slug: true, publishedAt: true } },
      reports: {
        where: { resolvedAt: null },
        orderBy: { id: "asc" },
        select: { reason: true, note: true, createdAt: true },
      },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const comments = page.flatMap((group) => {
    const row = byId.get(group.commentId);
    if (!row) return [];
    return [
      {
        id: row.id,
        body: row.body,
        authorName: row.authorName,
        createdAt: row.createdAt,
        editedAt: row.editedAt,
        hidden: row.hiddenAt !== null,
        post: {
          title: row.post.title,
          path: row.post.publishedAt
            ? postPath({ slug: row.post.slug, publishedAt: row.post.publishedAt })
            : null,
        },
        count: group._count._all,
        reports: row.reports.map((report) => ({ ...report, reason: report.reason as ReportReason })),
      },
    ];
  });
  return { comments, total: groups.length };
}

export type ResolveResult =
  | { ok: true; changed: number; post: { id: number; path: string } | null }
  | { ok: false; reason: "forbidden" | "not-found" };

/**
 * Dismisses a comment's open reports: it counts afresh from zero and, if it was
 * hidden, readers see it again. Logged with how many reports, never who sent them.
 */
export async function dismissReports(
  actor: Actor,
  commentId: number,
  now = new Date(),
): Promise<ResolveResult> {
  if (!can(actor, "approve:comment")) return { ok: false, reason: "forbidden" };
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { post: { select: { id: true, slug: true, publishedAt: true } } },
  });
  if (!comment) return { ok: false, reason: "not-found" };
  const resolved = await retryOnConflict(() =>
    db.commentReport.updateMany({ where: { commentId, resolvedAt: null }, data: { resolvedAt: now } }),
  );
  // Back for readers: the same event as a restored deletion.
  const shown = await changeWithEvent(
    () =>
      db.comment.update({
        where: { id: commentId, hiddenAt: { not: null } },
        data: { hiddenAt: null },
        select: { id: true },
      }),
    { kind: "comment.restored", postId: comment.post.id, commentId, actorId: actor.id, createdAt: now },
  );
  if (resolved.count > 0 || shown)
    await logModeration(
      actor.id,
      "comment.reports.dismiss",
      "comment",
      commentId,
      `${resolved.count} reports`,
    );
  const { publishedAt, slug, id } = comment.post;
  return {
    ok: true,
    changed: resolved.count,
    post: shown && publishedAt ? { id, path: postPath({ slug, publishedAt }) } : null,
  };
}

/** Deletes a reported comment as a moderator (logged as any deletion) and closes its reports. */
export async function deleteReportedComment(
  actor: Actor,
  commentId: number,
  note?: string,
  now = new Date(),
) {
  if (!can(actor, "delete:comment:any")) return { ok: false as const, reason: "forbidden" as const };
  const deleted = await deleteComment(actor, commentId, note);
  if (deleted.ok)
    await retryOnConflict(() =>
      db.commentReport.updateMany({ where: { commentId, resolvedAt: null }, data: { resolvedAt: now } }),
    );
  return deleted;
}
