-- Paged comment threads (docs/decisions/007-comment-paging.md).
-- Columns are added in place (no copy of the table, unlike Prisma's generated
-- RedefineTables); the resulting schema is the same as Prisma's.
ALTER TABLE "Comment" ADD COLUMN "rootId" INTEGER;
ALTER TABLE "Comment" ADD COLUMN "depth" INTEGER NOT NULL DEFAULT 0;

-- Backfill: walk every thread from its top-level comment down. A reply's root is its
-- parent's root (or the parent itself when the parent is top-level).
WITH RECURSIVE "thread" ("id", "rootId", "depth") AS (
    SELECT "id", NULL, 0 FROM "Comment" WHERE "parentId" IS NULL
    UNION ALL
    SELECT "c"."id", COALESCE("t"."rootId", "t"."id"), "t"."depth" + 1
    FROM "Comment" AS "c" JOIN "thread" AS "t" ON "c"."parentId" = "t"."id"
)
UPDATE "Comment" SET "rootId" = "thread"."rootId", "depth" = "thread"."depth"
FROM "thread" WHERE "Comment"."id" = "thread"."id" AND "Comment"."parentId" IS NOT NULL;

CREATE INDEX "Comment_postId_parentId_id_idx" ON "Comment"("postId", "parentId", "id");
CREATE INDEX "Comment_rootId_depth_id_idx" ON "Comment"("rootId", "depth", "id");
CREATE INDEX "Comment_postId_deletedAt_idx" ON "Comment"("postId", "deletedAt");
