import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { authorsCommentsDeletedSql, eventsRecorded } from "@/lib/events/log";

/**
 * Soft-deletes every comment of one author not deleted yet (a ban that removes them),
 * with their `comment.deleted` events in the same transaction. The number deleted.
 */
export async function removeAllComments(
  authorId: string,
  how: { actorId: string; deletedReason: string; deletionNote: string },
  now = new Date(),
): Promise<number> {
  const [, removed] = await retryOnConflict(() =>
    db.$transaction([
      db.$executeRaw(authorsCommentsDeletedSql(authorId, how.actorId, now)),
      db.comment.updateMany({
        where: { authorId, deletedAt: null },
        data: {
          deletedAt: now,
          deletedById: how.actorId,
          deletedReason: how.deletedReason,
          deletionNote: how.deletionNote,
        },
      }),
    ]),
  );
  if (removed.count > 0) eventsRecorded();
  return removed.count;
}
