-- CreateEnum
CREATE TYPE "ReportCategory" AS ENUM ('RUDENESS', 'DECEPTION', 'PRIVACY', 'SPAM', 'OFF_PLATFORM', 'HARASSMENT', 'REVIEW_FAVOURS', 'PERSONAL_INFO', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('OPEN', 'UPHELD', 'DISMISSED');

-- CreateEnum
CREATE TYPE "ReportSource" AS ENUM ('USER', 'DETECTOR');

-- CreateEnum
CREATE TYPE "EnforcementKind" AS ENUM ('WARNING', 'STRIKE', 'SUSPENSION', 'BAN');

-- CreateEnum
CREATE TYPE "EnforcementScope" AS ENUM ('ACCOUNT', 'FEATURE', 'PROGRAM');

-- CreateEnum
CREATE TYPE "EnforcementOrigin" AS ENUM ('THRESHOLD', 'REVIEW', 'MANUAL');

-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "reporterId" TEXT,
    "reporterRole" "Role",
    "subjectId" TEXT NOT NULL,
    "category" "ReportCategory" NOT NULL,
    "sessionId" TEXT,
    "messageId" TEXT,
    "programId" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "source" "ReportSource" NOT NULL DEFAULT 'USER',
    "detectorRule" TEXT,
    "evidence" JSONB,
    "dedupeKey" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'OPEN',
    "reviewerId" TEXT,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "enforcementId" TEXT,
    "thresholdEnforcementId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enforcement" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "EnforcementKind" NOT NULL,
    "scope" "EnforcementScope" NOT NULL DEFAULT 'ACCOUNT',
    "feature" TEXT,
    "programId" TEXT,
    "category" "ReportCategory",
    "origin" "EnforcementOrigin" NOT NULL,
    "reason" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "countsUntil" TIMESTAMP(3),
    "appealDeadline" TIMESTAMP(3) NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "policyValues" JSONB NOT NULL,
    "issuedById" TEXT,
    "overturnedAt" TIMESTAMP(3),
    "overturnReason" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enforcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "enforcementId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "status" "AppealStatus" NOT NULL DEFAULT 'PENDING',
    "reviewerId" TEXT,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Report_dedupeKey_key" ON "Report"("dedupeKey");

-- CreateIndex
CREATE INDEX "Report_subjectId_category_createdAt_idx" ON "Report"("subjectId", "category", "createdAt");

-- CreateIndex
CREATE INDEX "Report_status_createdAt_idx" ON "Report"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Report_reporterId_createdAt_idx" ON "Report"("reporterId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Enforcement_dedupeKey_key" ON "Enforcement"("dedupeKey");

-- CreateIndex
CREATE INDEX "Enforcement_userId_startsAt_idx" ON "Enforcement"("userId", "startsAt");

-- CreateIndex
CREATE INDEX "Enforcement_programId_idx" ON "Enforcement"("programId");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_enforcementId_key" ON "Appeal"("enforcementId");

-- CreateIndex
CREATE INDEX "Appeal_status_createdAt_idx" ON "Appeal"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_enforcementId_fkey" FOREIGN KEY ("enforcementId") REFERENCES "Enforcement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_thresholdEnforcementId_fkey" FOREIGN KEY ("thresholdEnforcementId") REFERENCES "Enforcement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enforcement" ADD CONSTRAINT "Enforcement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enforcement" ADD CONSTRAINT "Enforcement_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enforcement" ADD CONSTRAINT "Enforcement_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_enforcementId_fkey" FOREIGN KEY ("enforcementId") REFERENCES "Enforcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (Prisma's schema cannot express these).
-- A feature-scoped enforcement names its feature; a program-scoped one its program.
ALTER TABLE "Enforcement" ADD CONSTRAINT "Enforcement_scope_target" CHECK (
  ("scope" <> 'FEATURE' OR "feature" IS NOT NULL) AND ("scope" <> 'PROGRAM' OR "programId" IS NOT NULL)
);
-- Suspensions and strikes end; bans and warnings have no end date.
ALTER TABLE "Enforcement" ADD CONSTRAINT "Enforcement_end_by_kind" CHECK (
  ("kind" IN ('STRIKE', 'SUSPENSION')) = ("endsAt" IS NOT NULL)
);
