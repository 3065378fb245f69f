-- CreateTable
CREATE TABLE "Housekeeping" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nextRunAt" DATETIME NOT NULL,
    "lastStartedAt" DATETIME,
    "lastFinishedAt" DATETIME,
    "lastCounts" TEXT,
    "eventsPrunedThrough" INTEGER NOT NULL DEFAULT 0
);

