-- CreateTable
CREATE TABLE "ImportedItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "localId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ImportedItem_kind_localId_idx" ON "ImportedItem"("kind", "localId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedItem_source_kind_sourceId_key" ON "ImportedItem"("source", "kind", "sourceId");

