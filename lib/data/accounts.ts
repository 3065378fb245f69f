import "server-only";
import { db, dbProvider } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { authorsCommentsDeletedSql, eventsRecorded } from "@/lib/events/log";

/**
 * A reader's own account (docs/decisions/031): what /account shows, renames, password
 * changes, the data download and deletion. Callers have authenticated the user and
 * checked their input; rules about who may do what stay here with the writes.
 */

/** The name a deleted account's comments carry. */
export const ANONYMOUS_NAME = "Anonymous";

export type OwnAccount = {
  id: string;
  name: string;
  email: string;
  role: string;
  joinedAt: Date;
  /** When the address was proven (docs/decisions/034); null: not yet. */
  emailVerifiedAt: Date | null;
  /** OAuth-only accounts have none: deletion is confirmed with the email instead. */
  hasPassword: boolean;
  providers: string[];
};

export async function getOwnAccount(userId: string): Promise<OwnAccount | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      emailVerifiedAt: true,
      passwordHash: true,
      accounts: { select: { provider: true } },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    joinedAt: user.createdAt,
    emailVerifiedAt: user.emailVerifiedAt,
    hasPassword: user.passwordHash !== null,
    providers: user.accounts.map((account) => account.provider),
  };
}

export async function getPasswordHash(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return user?.passwordHash ?? null;
}

/**
 * Renames a user and the name their comments carry (the thread stores it on each
 * comment, which is also what guests' and imported comments have): one transaction, so
 * no page shows the old name on some comments and the new one on others.
 */
export async function renameUser(userId: string, name: string): Promise<{ comments: number }> {
  const [, comments] = await retryOnConflict(() =>
    db.$transaction([
      db.user.update({ where: { id: userId }, data: { name }, select: { id: true } }),
      db.comment.updateMany({ where: { authorId: userId }, data: { authorName: name } }),
    ]),
  );
  return { comments: comments.count };
}

/** Sets a new password hash and ends every session (the tokens carry the old version, decision 006). */
export async function setPasswordHash(userId: string, passwordHash: string): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { id: true },
  });
}

/** What "Download your data" gives: the account and every comment, never the password hash. */
export async function exportAccountData(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      trustedAt: true,
      emailVerifiedAt: true,
      bannedAt: true,
      bannedReason: true,
      accounts: { select: { provider: true } },
    },
  });
  if (!user) return null;
  const comments = await db.comment.findMany({
    where: { authorId: userId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      postId: true,
      parentId: true,
      body: true,
      createdAt: true,
      editedAt: true,
      status: true,
      deletedAt: true,
      deletedReason: true,
      post: { select: { title: true, slug: true } },
    },
  });
  const { accounts, ...account } = user;
  return {
    exportedAt: new Date().toISOString(),
    account: { ...account, signInProviders: accounts.map((linked) => linked.provider) },
    comments: comments.map(({ post, ...comment }) => ({
      ...comment,
      postTitle: post.title,
      postSlug: post.slug,
    })),
  };
}

/** "anonymous": comments stay, signed "Anonymous"; "remove": their text is erased (tombstones). */
export type DeletionMode = "anonymous" | "remove";

export type DeleteAccountResult =
  { ok: true; comments: number } | { ok: false; reason: "last-admin" | "not-found" };

/**
 * Deletes an account. Replies by others always stay where they are: a comment is never
 * removed as a row, only its author (and, by choice, its text) taken away, and the thread
 * shows a removed comment with live replies as a tombstone (lib/comments/tree.ts).
 *
 * Two steps. First one guarded UPDATE takes the account's role away and ends its
 * sessions, unless it is the last admin (serializable on PostgreSQL, where two admins
 * deleting themselves at once would otherwise each see the other still there; SQLite
 * has one writer). Then one transaction re-signs or erases the comments and deletes the
 * row. Held comments, never published, and already deleted ones lose their text either way.
 */
export async function deleteAccount(
  userId: string,
  mode: DeletionMode,
  now = new Date(),
): Promise<DeleteAccountResult> {
  const demoted = await retryOnConflict(() =>
    db.$transaction(
      [
        db.$executeRaw`
          UPDATE "User" SET "role" = 'commenter', "sessionVersion" = "sessionVersion" + 1
          WHERE "id" = ${userId} AND ("role" <> 'admin' OR EXISTS (
            SELECT 1 FROM "User" AS "other"
            WHERE "other"."role" = 'admin' AND "other"."id" <> ${userId} AND "other"."bannedAt" IS NULL
          ))`,
      ],
      dbProvider === "postgresql" ? { isolationLevel: "Serializable" } : undefined,
    ),
  );
  if (demoted[0] === 0) {
    const exists = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
    return { ok: false, reason: exists ? "last-admin" : "not-found" };
  }

  const erased = { body: "", authorName: ANONYMOUS_NAME, authorId: null };
  const removedNow = { ...erased, deletedAt: now, deletedReason: "author" };
  // Removed texts are deletions readers see (live threads, webhooks): their events first,
  // while the comments still carry the author's id.
  const events = mode === "remove" ? [db.$executeRaw(authorsCommentsDeletedSql(userId, null, now))] : [];
  const results = await retryOnConflict(() =>
    db.$transaction([
      ...events,
      db.comment.updateMany({
        where: { authorId: userId, deletedAt: null, status: { not: "published" } },
        data: removedNow,
      }),
      db.comment.updateMany({ where: { authorId: userId, deletedAt: { not: null } }, data: erased }),
      db.comment.updateMany({
        where: { authorId: userId },
        data: mode === "remove" ? removedNow : { authorName: ANONYMOUS_NAME, authorId: null },
      }),
      // Their likes go with the account (the rows cascade): the counts go down with them.
      db.$executeRaw`
        UPDATE "Comment" SET "likeCount" = "likeCount" - 1
        WHERE "id" IN (SELECT "commentId" FROM "CommentLike" WHERE "userId" = ${userId})`,
      db.user.deleteMany({ where: { id: userId } }),
    ]),
  );
  const live = results[events.length + 2] as { count: number };
  if (mode === "remove") eventsRecorded();
  return { ok: true, comments: live.count };
}
