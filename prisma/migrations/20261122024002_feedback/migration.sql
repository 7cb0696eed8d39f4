-- CreateEnum
CREATE TYPE "CheckInTrigger" AS ENUM ('SESSIONS', 'WEEKS');

-- CreateTable
CREATE TABLE "SessionFeedback" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "authorParty" "MentorshipParty" NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "hiddenAt" TIMESTAMP(3),
    "hiddenById" TEXT,
    "hiddenReason" TEXT,

    CONSTRAINT "SessionFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorshipCheckIn" (
    "id" TEXT NOT NULL,
    "mentorshipId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "trigger" "CheckInTrigger" NOT NULL,
    "sessionCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorshipCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckInResponse" (
    "id" TEXT NOT NULL,
    "checkInId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "party" "MentorshipParty" NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckInResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SessionFeedback_subjectId_hiddenAt_idx" ON "SessionFeedback"("subjectId", "hiddenAt");

-- CreateIndex
CREATE UNIQUE INDEX "SessionFeedback_sessionId_authorId_key" ON "SessionFeedback"("sessionId", "authorId");

-- CreateIndex
CREATE UNIQUE INDEX "MentorshipCheckIn_mentorshipId_sequence_key" ON "MentorshipCheckIn"("mentorshipId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "CheckInResponse_checkInId_party_key" ON "CheckInResponse"("checkInId", "party");

-- AddForeignKey
ALTER TABLE "SessionFeedback" ADD CONSTRAINT "SessionFeedback_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionFeedback" ADD CONSTRAINT "SessionFeedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionFeedback" ADD CONSTRAINT "SessionFeedback_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipCheckIn" ADD CONSTRAINT "MentorshipCheckIn_mentorshipId_fkey" FOREIGN KEY ("mentorshipId") REFERENCES "Mentorship"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInResponse" ADD CONSTRAINT "CheckInResponse_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "MentorshipCheckIn"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInResponse" ADD CONSTRAINT "CheckInResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (Prisma's schema cannot express these).
ALTER TABLE "SessionFeedback" ADD CONSTRAINT "SessionFeedback_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "SessionFeedback" ADD CONSTRAINT "SessionFeedback_not_self" CHECK ("authorId" <> "subjectId");
ALTER TABLE "CheckInResponse" ADD CONSTRAINT "CheckInResponse_score_range" CHECK ("score" BETWEEN 1 AND 5);
