-- PostView and PostShare were twin tables: one PostVisit table with a kind ("view" |
-- "share") replaces them (issue 9). Existing rows move over, so visitors already
-- counted today are not counted again.

-- CreateTable
CREATE TABLE "PostVisit" (
    "postId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "visitorHash" TEXT NOT NULL,

    PRIMARY KEY ("postId", "kind", "day", "visitorHash"),
    CONSTRAINT "PostVisit_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Move the rows
INSERT INTO "PostVisit" ("postId", "kind", "day", "visitorHash")
SELECT "postId", 'view', "day", "visitorHash" FROM "PostView";
INSERT INTO "PostVisit" ("postId", "kind", "day", "visitorHash")
SELECT "postId", 'share', "day", "visitorHash" FROM "PostShare";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "PostView";
PRAGMA foreign_keys=on;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "PostShare";
PRAGMA foreign_keys=on;
