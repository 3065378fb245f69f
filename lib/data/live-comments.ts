import "server-only";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { threadCommentSelect, toThreadComment } from "@/lib/data/comments";
import type { ThreadComment } from "@/lib/comments/tree";
import { liveText, type LiveComment } from "@/lib/live/messages";
import { linkify } from "@/lib/text/linkify";

/**
 * The public state of these comments now, for a live thread's stream (docs/decisions/038):
 * one query for a batch of events however many readers watch. Published comments only
 * (a held one is absent); the text dropped when deleted or hidden, by the same rule as
 * the cached thread (toThreadComment).
 */
export async function describeLiveComments(
  commentIds: number[],
  client: DbClient = db,
): Promise<Map<number, LiveComment>> {
  if (commentIds.length === 0) return new Map();
  const rows = await client.comment.findMany({
    where: { id: { in: commentIds }, status: "published" },
    select: threadCommentSelect,
  });
  return new Map(
    rows.map((row) => {
      const comment = toThreadComment(row);
      return [
        comment.id,
        {
          id: comment.id,
          parentId: comment.parentId,
          authorName: comment.authorName,
          text: comment.body === null ? null : liveText(comment.body, linkify),
          deleted: comment.deleted,
          hidden: comment.hidden,
          editedAt: comment.editedAt?.toISOString() ?? null,
        },
      ];
    }),
  );
}

/**
 * Published comments of one post, for a reader who asked to see the new ones the live
 * thread announced: live ones only (one deleted meanwhile is not shown), in id order.
 */
export async function getPublishedComments(postId: number, commentIds: number[]): Promise<ThreadComment[]> {
  if (commentIds.length === 0) return [];
  const rows = await db.comment.findMany({
    where: { id: { in: commentIds }, postId, status: "published", deletedAt: null },
    orderBy: { id: "asc" },
    select: threadCommentSelect,
  });
  return rows.map(toThreadComment);
}
