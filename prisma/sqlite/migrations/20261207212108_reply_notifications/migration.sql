-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN "headers" TEXT;

-- CreateTable
CREATE TABLE "ThreadSubscription" (
    "userId" TEXT NOT NULL,
    "postId" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "postId"),
    CONSTRAINT "ThreadSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ThreadSubscription_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" INTEGER NOT NULL,
    "recipientId" TEXT NOT NULL,
    "postId" INTEGER NOT NULL,
    "commentId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "batchId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationBatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recipientId" TEXT NOT NULL,
    "postId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'commenter',
    "bannedAt" DATETIME,
    "bannedReason" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastCommentAt" DATETIME,
    "lastCommentHash" TEXT,
    "commentWindowStart" DATETIME,
    "commentWindowCount" INTEGER NOT NULL DEFAULT 0,
    "trustedAt" DATETIME,
    "emailVerifiedAt" DATETIME,
    "notifyReplies" BOOLEAN NOT NULL DEFAULT false,
    "notifyModeration" BOOLEAN NOT NULL DEFAULT false,
    "notificationsOffAt" DATETIME
);
INSERT INTO "new_User" ("bannedAt", "bannedReason", "commentWindowCount", "commentWindowStart", "createdAt", "email", "emailVerifiedAt", "id", "lastCommentAt", "lastCommentHash", "name", "passwordHash", "role", "sessionVersion", "trustedAt") SELECT "bannedAt", "bannedReason", "commentWindowCount", "commentWindowStart", "createdAt", "email", "emailVerifiedAt", "id", "lastCommentAt", "lastCommentHash", "name", "passwordHash", "role", "sessionVersion", "trustedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_Comment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    "idempotencyKey" TEXT,
    "deletedAt" DATETIME,
    "deletedById" TEXT,
    "deletedReason" TEXT,
    "deletionNote" TEXT,
    "rootId" INTEGER,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'published',
    "heldReasons" TEXT,
    "hiddenAt" DATETIME,
    "likeCount" INTEGER NOT NULL DEFAULT 0,
    "notifyReplies" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Comment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("authorId", "authorName", "body", "createdAt", "deletedAt", "deletedById", "deletedReason", "deletionNote", "depth", "editedAt", "heldReasons", "hiddenAt", "id", "idempotencyKey", "likeCount", "parentId", "postId", "rootId", "status") SELECT "authorId", "authorName", "body", "createdAt", "deletedAt", "deletedById", "deletedReason", "deletionNote", "depth", "editedAt", "heldReasons", "hiddenAt", "id", "idempotencyKey", "likeCount", "parentId", "postId", "rootId", "status" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE INDEX "Comment_postId_createdAt_idx" ON "Comment"("postId", "createdAt");
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");
CREATE INDEX "Comment_postId_parentId_id_idx" ON "Comment"("postId", "parentId", "id");
CREATE INDEX "Comment_postId_parentId_likeCount_id_idx" ON "Comment"("postId", "parentId", "likeCount", "id");
CREATE INDEX "Comment_rootId_depth_id_idx" ON "Comment"("rootId", "depth", "id");
CREATE INDEX "Comment_postId_status_deletedAt_idx" ON "Comment"("postId", "status", "deletedAt");
CREATE INDEX "Comment_status_id_idx" ON "Comment"("status", "id");
CREATE INDEX "Comment_authorId_createdAt_idx" ON "Comment"("authorId", "createdAt");
CREATE INDEX "Comment_createdAt_idx" ON "Comment"("createdAt");
CREATE UNIQUE INDEX "Comment_authorId_idempotencyKey_key" ON "Comment"("authorId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ThreadSubscription_postId_state_idx" ON "ThreadSubscription"("postId", "state");

-- CreateIndex
CREATE INDEX "Notification_state_recipientId_postId_idx" ON "Notification"("state", "recipientId", "postId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_eventId_recipientId_key" ON "Notification"("eventId", "recipientId");

-- CreateIndex
CREATE INDEX "NotificationBatch_recipientId_postId_createdAt_idx" ON "NotificationBatch"("recipientId", "postId", "createdAt");

