import "server-only";
import { db } from "@/lib/db";
import { staffRole, type StaffRole } from "@/lib/auth/permissions";
import { postPath } from "@/lib/posts/paths";
import { asReadable, readableNow } from "@/lib/posts/readable";

/** Comments on one page of a profile. */
export const PROFILE_COMMENTS_PER_PAGE = 20;

export type PublicProfile = {
  id: string;
  name: string;
  joinedAt: Date;
  /** A public badge, as in the thread. */
  role: StaffRole | null;
};

/**
 * A person as their public profile shows them, or null: no such account, or a banned
 * one (docs/decisions/031: a ban takes away the platform, not the comments already
 * judged fine, which stay in their threads).
 */
export async function getPublicProfile(userId: string): Promise<PublicProfile | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, createdAt: true, role: true, bannedAt: true },
  });
  if (!user || user.bannedAt) return null;
  return { id: user.id, name: user.name, joinedAt: user.createdAt, role: staffRole(user.role) };
}

export type ProfileComment = {
  id: number;
  body: string;
  createdAt: Date;
  post: { title: string; path: string };
};

/**
 * A person's published, live comments on readable posts, newest first, a page at a time:
 * those with an id below `before` (null: from the newest). Held and deleted comments are
 * never listed. `olderCursor` is where the next page starts, null at the end.
 */
export async function getProfileComments(
  userId: string,
  before: number | null,
  perPage = PROFILE_COMMENTS_PER_PAGE,
): Promise<{ comments: ProfileComment[]; olderCursor: number | null }> {
  const rows = await db.comment.findMany({
    where: {
      authorId: userId,
      status: "published",
      deletedAt: null,
      post: readableNow(),
      ...(before === null ? {} : { id: { lt: before } }),
    },
    orderBy: { id: "desc" },
    take: perPage + 1,
    select: {
      id: true,
      body: true,
      createdAt: true,
      post: { select: { title: true, slug: true, publishedAt: true } },
    },
  });
  const page = rows.slice(0, perPage);
  return {
    comments: page.map((row) => ({
      id: row.id,
      body: row.body,
      createdAt: row.createdAt,
      post: { title: row.post.title, path: postPath(asReadable(row.post)) },
    })),
    olderCursor: rows.length > perPage ? page[page.length - 1].id : null,
  };
}
