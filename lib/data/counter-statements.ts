import "server-only";
import type { DatabaseProvider } from "@/lib/db/url";
import { Prisma } from "@/lib/generated/prisma/client";
import { readableNowSql } from "@/lib/posts/readable";

/**
 * The three statements of the view and share counters (lib/data/counter-buffer.ts), in
 * each database's dialect: the same semantics, but SQLite reads a JSON parameter with
 * json_each and aggregates with json_group_array, PostgreSQL with
 * json_array_elements(… WITH ORDINALITY) and json_agg, and wants its parameters typed
 * where no column gives them a type. Lists travel as one JSON parameter either way, so a
 * batch is one statement whatever its size.
 */
export type CounterStatements = {
  /**
   * Stores a PostVisit per hash (a post deleted meanwhile gets none); a row already
   * there is skipped, so the change count is exactly the visitors newly counted.
   */
  insertVisits(visit: { postId: number; kind: string; day: string; hashes: string[] }): Prisma.Sql;
  /** Adds each `[postId, n]` to the post's counter column. */
  addToCounters(column: Prisma.Sql, owed: [number, number][]): Prisma.Sql;
  /**
   * One row per readable post among the lookups: its counter (`count`) and, as a JSON
   * array of indexes into `lookups` (`seen`), the lookups whose visitor is already stored.
   */
  lookupVisits(column: Prisma.Sql, kind: string, lookups: [number, string, string][]): Prisma.Sql;
};

const sqlite: CounterStatements = {
  insertVisits: ({ postId, kind, day, hashes }) => Prisma.sql`
    INSERT INTO "PostVisit" ("postId", "kind", "day", "visitorHash")
    SELECT ${postId}, ${kind}, ${day}, j.value FROM json_each(${JSON.stringify(hashes)}) AS j
    WHERE EXISTS (SELECT 1 FROM "Post" WHERE "id" = ${postId})
    ON CONFLICT DO NOTHING`,
  addToCounters: (column, owed) => Prisma.sql`
    UPDATE "Post" SET ${column} = ${column} + d.n
    FROM (SELECT j.value ->> 0 AS id, j.value ->> 1 AS n FROM json_each(${JSON.stringify(owed)}) AS j) AS d
    WHERE "Post"."id" = d.id`,
  lookupVisits: (column, kind, lookups) => Prisma.sql`
    WITH j AS (
      SELECT key AS i, value ->> 0 AS "postId", value ->> 1 AS "day", value ->> 2 AS "hash"
      FROM json_each(${JSON.stringify(lookups)}))
    SELECT p.${column} AS count, (
      SELECT json_group_array(j.i) FROM j
      WHERE j."postId" = p."id" AND EXISTS (
        SELECT 1 FROM "PostVisit" AS v
        WHERE v."postId" = j."postId" AND v."kind" = ${kind} AND v."day" = j."day" AND v."visitorHash" = j."hash")) AS seen,
      p."id" AS "postId"
    FROM "Post" AS p
    WHERE p."id" IN (SELECT "postId" FROM j) AND ${readableNowSql("p")}`,
};

const postgresql: CounterStatements = {
  insertVisits: ({ postId, kind, day, hashes }) => Prisma.sql`
    INSERT INTO "PostVisit" ("postId", "kind", "day", "visitorHash")
    SELECT ${postId}::integer, ${kind}::text, ${day}::text, h
    FROM json_array_elements_text(${JSON.stringify(hashes)}::json) AS h
    WHERE EXISTS (SELECT 1 FROM "Post" WHERE "id" = ${postId}::integer)
    ON CONFLICT DO NOTHING`,
  addToCounters: (column, owed) => Prisma.sql`
    UPDATE "Post" SET ${column} = ${column} + d.n
    FROM (
      SELECT (j.value ->> 0)::integer AS id, (j.value ->> 1)::integer AS n
      FROM json_array_elements(${JSON.stringify(owed)}::json) AS j
    ) AS d
    WHERE "Post"."id" = d.id`,
  lookupVisits: (column, kind, lookups) => Prisma.sql`
    WITH j AS (
      SELECT (t.ord - 1)::integer AS i, (t.value ->> 0)::integer AS "postId", t.value ->> 1 AS "day", t.value ->> 2 AS "hash"
      FROM json_array_elements(${JSON.stringify(lookups)}::json) WITH ORDINALITY AS t(value, ord))
    SELECT p.${column} AS count, (
      SELECT COALESCE(json_agg(j.i), '[]'::json)::text FROM j
      WHERE j."postId" = p."id" AND EXISTS (
        SELECT 1 FROM "PostVisit" AS v
        WHERE v."postId" = j."postId" AND v."kind" = ${kind}::text AND v."day" = j."day" AND v."visitorHash" = j."hash")) AS seen,
      p."id" AS "postId"
    FROM "Post" AS p
    WHERE p."id" IN (SELECT "postId" FROM j) AND ${readableNowSql("p")}`,
};

export const counterStatements: Record<DatabaseProvider, CounterStatements> = { sqlite, postgresql };
