-- CreateTable
CREATE TABLE "CacheExpiry" (
    "id" SERIAL NOT NULL,
    "tags" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CacheExpiry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CacheExpiry_createdAt_idx" ON "CacheExpiry"("createdAt");

