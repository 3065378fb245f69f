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

-- AlterTable (written by hand: Prisma's diff rebuilds both tables, which would drop the
-- comment search triggers on "Comment"; adding columns with constant defaults needs no rebuild)
ALTER TABLE "User" ADD COLUMN "notifyReplies" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "notifyModeration" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "notificationsOffAt" DATETIME;
ALTER TABLE "Comment" ADD COLUMN "notifyReplies" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "ThreadSubscription_postId_state_idx" ON "ThreadSubscription"("postId", "state");

-- CreateIndex
CREATE INDEX "Notification_state_recipientId_postId_idx" ON "Notification"("state", "recipientId", "postId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_eventId_recipientId_key" ON "Notification"("eventId", "recipientId");

-- CreateIndex
CREATE INDEX "NotificationBatch_recipientId_postId_createdAt_idx" ON "NotificationBatch"("recipientId", "postId", "createdAt");

