import "server-only";
import { dbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * "The comment is published" in raw SQL, for queries that start from something else: a
 * post, a thread, the newest comments. The status filters their rows but must never be
 * what chooses them. SQLite keeps no statistics unless asked, and then takes the held
 * queue's (status, id) index for this filter and reads every published comment of the
 * blog: 36 ms per thread page and 1.2 s per comment feed at 100,000 comments (found by
 * `BENCH_BIG_THREADS=1 npm run bench:replies`, docs/decisions/033). A unary plus keeps a
 * column out of SQLite's choice of index; PostgreSQL keeps statistics, and has no such
 * operator for text.
 */
export function publishedCommentSql(alias?: string): Prisma.Sql {
  if (alias !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias))
    throw new Error(`Invalid SQL alias ${alias}`);
  const column = Prisma.raw(alias === undefined ? `"status"` : `"${alias}"."status"`);
  return dbProvider === "sqlite" ? Prisma.sql`+${column} = 'published'` : Prisma.sql`${column} = 'published'`;
}
