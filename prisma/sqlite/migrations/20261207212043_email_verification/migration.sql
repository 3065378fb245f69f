-- CreateTable
CREATE TABLE "EmailVerification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailVerification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "unverifiedCanComment" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_CommentSettings" ("blockedWords", "duplicateWindowMinutes", "editWindowMinutes", "holdAboveLinks", "holdAll", "holdNewAccountHours", "holdUntilApproved", "honeypot", "id", "maxReplyDepth", "minSubmitSeconds", "reportsToHide", "updatedAt") SELECT "blockedWords", "duplicateWindowMinutes", "editWindowMinutes", "holdAboveLinks", "holdAll", "holdNewAccountHours", "holdUntilApproved", "honeypot", "id", "maxReplyDepth", "minSubmitSeconds", "reportsToHide", "updatedAt" FROM "CommentSettings";
DROP TABLE "CommentSettings";
ALTER TABLE "new_CommentSettings" RENAME TO "CommentSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "EmailVerification_tokenHash_key" ON "EmailVerification"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailVerification_userId_idx" ON "EmailVerification"("userId");

