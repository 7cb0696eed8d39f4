-- CreateEnum
CREATE TYPE "ComplaintInteraction" AS ENUM ('SESSION', 'MENTORSHIP');

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "interactionId" TEXT,
ADD COLUMN     "interactionKind" "ComplaintInteraction",
ADD COLUMN     "reporterIp" TEXT;
