-- CreateTable
CREATE TABLE "Housekeeping" (
    "id" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "lastStartedAt" TIMESTAMP(3),
    "lastFinishedAt" TIMESTAMP(3),
    "lastCounts" TEXT,
    "eventsPrunedThrough" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Housekeeping_pkey" PRIMARY KEY ("id")
);

