-- CreateTable
CREATE TABLE "SiteEvent" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "postId" INTEGER NOT NULL,
    "commentId" INTEGER,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventCursor" (
    "name" TEXT NOT NULL,
    "lastId" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EventCursor_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "SiteEvent_postId_id_idx" ON "SiteEvent"("postId", "id");

