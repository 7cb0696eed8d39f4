-- AlterTable
ALTER TABLE "Enforcement" ADD COLUMN     "lapsedAt" TIMESTAMP(3);
