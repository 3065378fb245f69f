-- CreateTable
CREATE TABLE "SiteEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "postId" INTEGER NOT NULL,
    "commentId" INTEGER,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EventCursor" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "lastId" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "SiteEvent_postId_id_idx" ON "SiteEvent"("postId", "id");

