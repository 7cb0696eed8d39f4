-- AlterTable
ALTER TABLE "ForumCategory" ADD COLUMN     "programId" TEXT;

-- AlterTable
ALTER TABLE "ForumPost" ADD COLUMN     "programId" TEXT;

-- AlterTable
ALTER TABLE "ForumThread" ADD COLUMN     "programId" TEXT;

-- AlterTable
ALTER TABLE "Webinar" ADD COLUMN     "programId" TEXT;

-- AddForeignKey
ALTER TABLE "ForumCategory" ADD CONSTRAINT "ForumCategory_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Webinar" ADD CONSTRAINT "Webinar_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE SET NULL ON UPDATE CASCADE;
