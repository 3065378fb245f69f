-- Held comments (docs/decisions/023). Written by hand as ALTERs: the generated diff
-- rebuilt the Comment table, which would drop the comment search triggers.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "trustedAt" DATETIME;

-- AlterTable: every existing comment stays published.
ALTER TABLE "Comment" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'published';
ALTER TABLE "Comment" ADD COLUMN "heldReasons" TEXT;

-- CreateTable
CREATE TABLE "CommentSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1,
    "holdAboveLinks" INTEGER NOT NULL,
    "blockedWords" TEXT NOT NULL DEFAULT '',
    "holdNewAccountHours" INTEGER NOT NULL,
    "holdUntilApproved" INTEGER NOT NULL,
    "holdAll" BOOLEAN NOT NULL,
    "honeypot" BOOLEAN NOT NULL,
    "minSubmitSeconds" INTEGER NOT NULL,
    "maxReplyDepth" INTEGER NOT NULL,
    "duplicateWindowMinutes" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- Indexes
DROP INDEX "Comment_postId_deletedAt_idx";
CREATE INDEX "Comment_postId_status_deletedAt_idx" ON "Comment"("postId", "status", "deletedAt");
CREATE INDEX "Comment_status_id_idx" ON "Comment"("status", "id");
