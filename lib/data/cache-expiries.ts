import "server-only";
import { z } from "zod";
import type { DbClient } from "@/lib/db/client";

/**
 * The shared log of expired cache tags (docs/decisions/021): every server process
 * appends what it expired and reads what the others did. Ids, not clocks, order it:
 * instances on several machines need not agree on the time. Takes the client as an
 * argument: the server's follower uses the app's, `npm run cache:expire` its own.
 */

export type CacheExpiry = { id: number; tags: string[]; origin: string };

// Rows come from the database, written by any version of the app: read them defensively.
const Tags = z.array(z.string().min(1).max(1024)).max(1000);

function parseTags(text: string): string[] {
  try {
    const parsed = Tags.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Appends one expiry; returns its id. */
export async function recordCacheExpiry(db: DbClient, tags: readonly string[], origin: string) {
  const row = await db.cacheExpiry.create({
    data: { tags: JSON.stringify(Tags.parse([...new Set(tags)])), origin },
    select: { id: true },
  });
  return row.id;
}

/** The newest id in the log, 0 when it is empty: where a process that starts now begins reading. */
export async function latestCacheExpiryId(db: DbClient): Promise<number> {
  const row = await db.cacheExpiry.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0;
}

/**
 * Expiries after `afterId`, plus any of `missing` (ids skipped over earlier that may have
 * committed since), oldest first, at most `limit`.
 */
export async function cacheExpiriesSince(
  db: DbClient,
  afterId: number,
  { missing = [], limit = 200 }: { missing?: readonly number[]; limit?: number } = {},
): Promise<CacheExpiry[]> {
  const where = missing.length
    ? { OR: [{ id: { gt: afterId } }, { id: { in: [...missing] } }] }
    : { id: { gt: afterId } };
  const rows = await db.cacheExpiry.findMany({
    where,
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, tags: true, origin: true },
  });
  return rows.map((row) => ({ id: row.id, tags: parseTags(row.tags), origin: row.origin }));
}

/** Deletes the expiries recorded before `before`; returns how many. */
export async function pruneCacheExpiries(db: DbClient, before: Date): Promise<number> {
  const { count } = await db.cacheExpiry.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
