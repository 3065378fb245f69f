-- DropIndex
DROP INDEX "Comment_postId_deletedAt_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "trustedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "heldReasons" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'published';

-- CreateTable
CREATE TABLE "CommentSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "holdAboveLinks" INTEGER NOT NULL,
    "blockedWords" TEXT NOT NULL DEFAULT '',
    "holdNewAccountHours" INTEGER NOT NULL,
    "holdUntilApproved" INTEGER NOT NULL,
    "holdAll" BOOLEAN NOT NULL,
    "honeypot" BOOLEAN NOT NULL,
    "minSubmitSeconds" INTEGER NOT NULL,
    "maxReplyDepth" INTEGER NOT NULL,
    "duplicateWindowMinutes" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommentSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Comment_postId_status_deletedAt_idx" ON "Comment"("postId", "status", "deletedAt");

-- CreateIndex
CREATE INDEX "Comment_status_id_idx" ON "Comment"("status", "id");

