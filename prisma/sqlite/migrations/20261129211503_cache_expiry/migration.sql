-- CreateTable
CREATE TABLE "CacheExpiry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tags" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "CacheExpiry_createdAt_idx" ON "CacheExpiry"("createdAt");

