-- CreateTable
CREATE TABLE "SignInAddress" (
    "userId" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "lastSignInAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "addressHash"),
    CONSTRAINT "SignInAddress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" DATETIME NOT NULL,
    "lastAttemptAt" DATETIME
);
INSERT INTO "new_SignInThrottle" ("failures", "key", "windowStart") SELECT "failures", "key", "windowStart" FROM "SignInThrottle";
DROP TABLE "SignInThrottle";
ALTER TABLE "new_SignInThrottle" RENAME TO "SignInThrottle";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- The old rows were keyed by email addresses and IP addresses in clear; the new keys are
-- keyed hashes. Counters restart.
DELETE FROM "SignInThrottle";
