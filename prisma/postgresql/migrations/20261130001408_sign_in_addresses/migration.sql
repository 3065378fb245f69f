-- AlterTable
ALTER TABLE "SignInThrottle" DROP COLUMN "lockedUntil",
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SignInAddress" (
    "userId" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "lastSignInAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInAddress_pkey" PRIMARY KEY ("userId","addressHash")
);

-- AddForeignKey
ALTER TABLE "SignInAddress" ADD CONSTRAINT "SignInAddress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The old rows were keyed by email addresses and IP addresses in clear; the new keys are
-- keyed hashes. Counters restart.
DELETE FROM "SignInThrottle";
