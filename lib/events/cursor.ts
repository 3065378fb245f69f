import "server-only";
import { db as appDb } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/data/errors";

/** How far the consumer `name` has handled the event log (0 before its first event). */
export async function readCursor(name: string, db: DbClient = appDb): Promise<number> {
  const row = await db.eventCursor.findUnique({ where: { name }, select: { lastId: true } });
  return row?.lastId ?? 0;
}

/**
 * Moves the cursor from `from` to `to` if nobody moved it meanwhile (compare-and-set):
 * false when another instance got there first, whose work then stands. Consumers make
 * their work idempotent anyway (unique keys), so a lost race repeats nothing.
 */
export async function advanceCursor(
  name: string,
  from: number,
  to: number,
  db: DbClient = appDb,
): Promise<boolean> {
  if (to <= from) return false;
  const moved = await db.eventCursor.updateMany({ where: { name, lastId: from }, data: { lastId: to } });
  if (moved.count === 1) return true;
  if (from !== 0) return false;
  // The consumer's first move: its row does not exist yet.
  try {
    await db.eventCursor.create({ data: { name, lastId: to } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
