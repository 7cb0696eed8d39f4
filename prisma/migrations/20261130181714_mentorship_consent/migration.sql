-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MentorshipStatus" ADD VALUE 'DECLINED';
ALTER TYPE "MentorshipStatus" ADD VALUE 'EXPIRED';

-- AlterTable
ALTER TABLE "CertificationProgram" ADD COLUMN     "mentoringProgramId" TEXT;

-- AlterTable
ALTER TABLE "Mentorship" ADD COLUMN     "activatedAt" TIMESTAMP(3),
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "menteeAcceptedAt" TIMESTAMP(3),
ADD COLUMN     "mentorAcceptedAt" TIMESTAMP(3);

-- AddForeignKey
ALTER TABLE "CertificationProgram" ADD CONSTRAINT "CertificationProgram_mentoringProgramId_fkey" FOREIGN KEY ("mentoringProgramId") REFERENCES "Program"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Mentorships that were already in force had both sides' consent through their agreement.
UPDATE "Mentorship" SET "activatedAt" = "createdAt", "mentorAcceptedAt" = "createdAt", "menteeAcceptedAt" = "createdAt"
WHERE status IN ('ACTIVE', 'COMPLETED');
