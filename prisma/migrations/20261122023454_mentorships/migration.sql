-- CreateEnum
CREATE TYPE "MentorshipStatus" AS ENUM ('PENDING', 'ACTIVE', 'COMPLETED', 'ENDED');

-- CreateEnum
CREATE TYPE "MentorshipParty" AS ENUM ('MENTOR', 'MENTEE');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'SUPERSEDED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('ACTIVE', 'ACHIEVED', 'ABANDONED');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateTable
CREATE TABLE "Mentorship" (
    "id" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "programId" TEXT,
    "status" "MentorshipStatus" NOT NULL DEFAULT 'PENDING',
    "startedBy" "MentorshipParty" NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mentorship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorshipAgreement" (
    "id" TEXT NOT NULL,
    "mentorshipId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "objectives" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "confidentiality" TEXT NOT NULL,
    "sessionsPerMonth" INTEGER NOT NULL,
    "commitmentNote" TEXT NOT NULL DEFAULT '',
    "status" "AgreementStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedBy" "MentorshipParty" NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "mentorAcceptedAt" TIMESTAMP(3),
    "menteeAcceptedAt" TIMESTAMP(3),
    "amendsVersion" INTEGER,
    "closedAt" TIMESTAMP(3),
    "closeReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorshipAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL,
    "mentorshipId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "targetDate" DATE,
    "status" "GoalStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdBy" "MentorshipParty" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "mentorshipId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "dueOn" DATE,
    "reachedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "mentorshipId" TEXT NOT NULL,
    "goalId" TEXT,
    "milestoneId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "dueAt" TIMESTAMP(3),
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "completedAt" TIMESTAMP(3),
    "completionNote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Mentorship_menteeId_idx" ON "Mentorship"("menteeId");

-- CreateIndex
CREATE INDEX "Mentorship_status_idx" ON "Mentorship"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Mentorship_mentorId_menteeId_programId_key" ON "Mentorship"("mentorId", "menteeId", "programId");

-- CreateIndex
CREATE INDEX "MentorshipAgreement_status_endsOn_idx" ON "MentorshipAgreement"("status", "endsOn");

-- CreateIndex
CREATE UNIQUE INDEX "MentorshipAgreement_mentorshipId_version_key" ON "MentorshipAgreement"("mentorshipId", "version");

-- CreateIndex
CREATE INDEX "Goal_mentorshipId_idx" ON "Goal"("mentorshipId");

-- CreateIndex
CREATE INDEX "Milestone_goalId_position_idx" ON "Milestone"("goalId", "position");

-- CreateIndex
CREATE INDEX "Milestone_mentorshipId_reachedAt_idx" ON "Milestone"("mentorshipId", "reachedAt");

-- CreateIndex
CREATE INDEX "Task_mentorshipId_status_idx" ON "Task"("mentorshipId", "status");

-- CreateIndex
CREATE INDEX "Task_milestoneId_idx" ON "Task"("milestoneId");

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipAgreement" ADD CONSTRAINT "MentorshipAgreement_mentorshipId_fkey" FOREIGN KEY ("mentorshipId") REFERENCES "Mentorship"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_mentorshipId_fkey" FOREIGN KEY ("mentorshipId") REFERENCES "Mentorship"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_mentorshipId_fkey" FOREIGN KEY ("mentorshipId") REFERENCES "Mentorship"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_mentorshipId_fkey" FOREIGN KEY ("mentorshipId") REFERENCES "Mentorship"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- Hand-written (Prisma's schema cannot express these).
-- One programless mentorship per mentor + mentee (NULLs are distinct in the unique index above).
CREATE UNIQUE INDEX "Mentorship_pair_without_program_key" ON "Mentorship"("mentorId", "menteeId") WHERE "programId" IS NULL;

ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_distinct_parties" CHECK ("mentorId" <> "menteeId");
ALTER TABLE "MentorshipAgreement" ADD CONSTRAINT "MentorshipAgreement_dates" CHECK ("endsOn" >= "startsOn");
ALTER TABLE "MentorshipAgreement" ADD CONSTRAINT "MentorshipAgreement_commitment" CHECK ("sessionsPerMonth" > 0);

-- An agreement both parties accepted is immutable (amend = a new version): its terms and
-- acceptances can never change and the row can never be deleted; only its lifecycle columns
-- (status ACCEPTED -> SUPERSEDED / COMPLETED, closedAt, closeReason) may move on.
CREATE OR REPLACE FUNCTION mentorship_agreement_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD."mentorAcceptedAt" IS NOT NULL AND OLD."menteeAcceptedAt" IS NOT NULL THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'accepted mentorship agreement % is immutable', OLD."id" USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."mentorshipId" IS DISTINCT FROM OLD."mentorshipId"
      OR NEW."version" IS DISTINCT FROM OLD."version"
      OR NEW."objectives" IS DISTINCT FROM OLD."objectives"
      OR NEW."scope" IS DISTINCT FROM OLD."scope"
      OR NEW."startsOn" IS DISTINCT FROM OLD."startsOn"
      OR NEW."endsOn" IS DISTINCT FROM OLD."endsOn"
      OR NEW."confidentiality" IS DISTINCT FROM OLD."confidentiality"
      OR NEW."sessionsPerMonth" IS DISTINCT FROM OLD."sessionsPerMonth"
      OR NEW."commitmentNote" IS DISTINCT FROM OLD."commitmentNote"
      OR NEW."proposedBy" IS DISTINCT FROM OLD."proposedBy"
      OR NEW."proposedAt" IS DISTINCT FROM OLD."proposedAt"
      OR NEW."mentorAcceptedAt" IS DISTINCT FROM OLD."mentorAcceptedAt"
      OR NEW."menteeAcceptedAt" IS DISTINCT FROM OLD."menteeAcceptedAt"
      OR NEW."amendsVersion" IS DISTINCT FROM OLD."amendsVersion"
      OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt"
      OR NEW."status" NOT IN ('ACCEPTED', 'SUPERSEDED', 'COMPLETED') THEN
      RAISE EXCEPTION 'accepted mentorship agreement % is immutable', OLD."id" USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "MentorshipAgreement_immutable"
  BEFORE UPDATE OR DELETE ON "MentorshipAgreement"
  FOR EACH ROW EXECUTE FUNCTION mentorship_agreement_immutable();
