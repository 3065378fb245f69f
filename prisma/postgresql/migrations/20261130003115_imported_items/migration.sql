-- CreateTable
CREATE TABLE "ImportedItem" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "localId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportedItem_kind_localId_idx" ON "ImportedItem"("kind", "localId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedItem_source_kind_sourceId_key" ON "ImportedItem"("source", "kind", "sourceId");

