-- CreateTable
CREATE TABLE "PostShare" (
    "postId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "visitorHash" TEXT NOT NULL,

    PRIMARY KEY ("postId", "day", "visitorHash"),
    CONSTRAINT "PostShare_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

