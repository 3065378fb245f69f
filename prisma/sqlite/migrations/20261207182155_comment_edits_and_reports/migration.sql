-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "hiddenAt" DATETIME;

-- CreateTable
CREATE TABLE "CommentRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "commentId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "writtenAt" DATETIME NOT NULL,
    "replacedAt" DATETIME NOT NULL,
    "editorId" TEXT,
    "note" TEXT,
    CONSTRAINT "CommentRevision_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommentReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "commentId" INTEGER NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "CommentReport_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CommentSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "holdAboveLinks" INTEGER NOT NULL,
    "blockedWords" TEXT NOT NULL DEFAULT '',
    "holdNewAccountHours" INTEGER NOT NULL,
    "holdUntilApproved" INTEGER NOT NULL,
    "holdAll" BOOLEAN NOT NULL,
    "honeypot" BOOLEAN NOT NULL,
    "minSubmitSeconds" INTEGER NOT NULL,
    "maxReplyDepth" INTEGER NOT NULL,
    "duplicateWindowMinutes" INTEGER NOT NULL,
    "editWindowMinutes" INTEGER NOT NULL DEFAULT 15,
    "reportsToHide" INTEGER NOT NULL DEFAULT 3,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_CommentSettings" ("blockedWords", "duplicateWindowMinutes", "holdAboveLinks", "holdAll", "holdNewAccountHours", "holdUntilApproved", "honeypot", "id", "maxReplyDepth", "minSubmitSeconds", "updatedAt") SELECT "blockedWords", "duplicateWindowMinutes", "holdAboveLinks", "holdAll", "holdNewAccountHours", "holdUntilApproved", "honeypot", "id", "maxReplyDepth", "minSubmitSeconds", "updatedAt" FROM "CommentSettings";
DROP TABLE "CommentSettings";
ALTER TABLE "new_CommentSettings" RENAME TO "CommentSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CommentRevision_commentId_id_idx" ON "CommentRevision"("commentId", "id");

-- CreateIndex
CREATE INDEX "CommentReport_resolvedAt_commentId_idx" ON "CommentReport"("resolvedAt", "commentId");

-- CreateIndex
CREATE INDEX "CommentReport_reporterId_createdAt_idx" ON "CommentReport"("reporterId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CommentReport_commentId_reporterId_key" ON "CommentReport"("commentId", "reporterId");

