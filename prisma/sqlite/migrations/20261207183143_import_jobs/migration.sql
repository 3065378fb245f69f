-- CreateTable
CREATE TABLE "ImportJob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runningKey" TEXT,
    "state" TEXT NOT NULL DEFAULT 'running',
    "fileName" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "report" TEXT,
    "error" TEXT,
    "startedById" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportJob_runningKey_key" ON "ImportJob"("runningKey");

