import "server-only";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/data/users";
import { postPath } from "@/lib/posts/paths";

/**
 * Reads for the moderation view. Unlike the public thread these include deleted text,
 * so each one checks the reader's permission itself, not only the page around it.
 */

type Reader = Pick<CurrentUser, "role" | "banned">;

function assertModerator(reader: Reader): void {
  if (!can(reader, "view:moderation")) throw new Error("The moderation queue is for moderators only.");
}

export type QueueFilter = "all" | "deleted";

export type QueueComment = {
  id: number;
  body: string;
  createdAt: Date;
  authorName: string;
  author: { id: string; email: string; role: string; banned: boolean } | null;
  post: { title: string; path: string | null };
  deletion: { at: Date; reason: string; by: string | null; note: string | null } | null;
  /** Held for review (docs/decisions/023): readers do not see it. */
  held: boolean;
};

export async function getModerationQueue(
  reader: Reader,
  { filter, page, perPage = 50 }: { filter: QueueFilter; page: number; perPage?: number },
): Promise<{ comments: QueueComment[]; hasMore: boolean }> {
  assertModerator(reader);
  const rows = await db.comment.findMany({
    where: filter === "deleted" ? { deletedAt: { not: null } } : {},
    orderBy:
      filter === "deleted"
        ? [{ deletedAt: "desc" }, { id: "desc" }]
        : [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * perPage,
    take: perPage + 1,
    select: {
      id: true,
      body: true,
      createdAt: true,
      authorName: true,
      deletedAt: true,
      status: true,
      deletedReason: true,
      deletionNote: true,
      deletedBy: { select: { name: true } },
      author: { select: { id: true, email: true, role: true, bannedAt: true } },
      post: { select: { title: true, slug: true, publishedAt: true } },
    },
  });
  const comments = rows.slice(0, perPage).map((row) => ({
    id: row.id,
    body: row.body,
    createdAt: row.createdAt,
    authorName: row.authorName,
    author: row.author
      ? {
          id: row.author.id,
          email: row.author.email,
          role: row.author.role,
          banned: row.author.bannedAt !== null,
        }
      : null,
    post: {
      title: row.post.title,
      path: row.post.publishedAt
        ? postPath({ slug: row.post.slug, publishedAt: row.post.publishedAt })
        : null,
    },
    held: row.status === "held",
    deletion: row.deletedAt
      ? {
          at: row.deletedAt,
          reason: row.deletedReason ?? "moderator",
          by: row.deletedBy?.name ?? null,
          note: row.deletionNote,
        }
      : null,
  }));
  return { comments, hasMore: rows.length > perPage };
}

export async function getBannedUsers(reader: Reader) {
  assertModerator(reader);
  return db.user.findMany({
    where: { bannedAt: { not: null } },
    orderBy: { bannedAt: "desc" },
    select: { id: true, name: true, email: true, bannedAt: true, bannedReason: true },
  });
}

export async function getModerationLog(reader: Reader, limit = 100) {
  assertModerator(reader);
  const rows = await db.moderationLog.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      detail: true,
      createdAt: true,
      actor: { select: { name: true } },
    },
  });
  return rows.map(({ actor, ...row }) => ({ ...row, actorName: actor?.name ?? "(deleted user)" }));
}
