-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "mentorshipId" TEXT,
ADD COLUMN     "programId" TEXT;

-- CreateIndex
CREATE INDEX "Session_programId_idx" ON "Session"("programId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_mentorshipId_fkey" FOREIGN KEY ("mentorshipId") REFERENCES "Mentorship"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE SET NULL ON UPDATE CASCADE;
