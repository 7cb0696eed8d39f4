-- CreateEnum
CREATE TYPE "ChargeStatus" AS ENUM ('CAPTURED');

-- CreateEnum
CREATE TYPE "SessionState" AS ENUM ('SCHEDULED', 'LIVE', 'ENDED', 'NO_SHOW', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SessionParty" AS ENUM ('MENTOR', 'MENTEE', 'STAFF', 'SYSTEM');

-- CreateEnum
CREATE TYPE "PresenceKind" AS ENUM ('JOIN', 'LEAVE', 'HANG_UP', 'END_EARLY', 'STAFF_END', 'AUTO_END', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "PresenceSource" AS ENUM ('CLIENT', 'WEBHOOK', 'SYSTEM');

-- CreateEnum
CREATE TYPE "AvailabilityExceptionKind" AS ENUM ('UNAVAILABLE', 'AVAILABLE');

-- CreateEnum
CREATE TYPE "FeeMultiplierRule" AS ENUM ('LATE_PENALTY', 'ON_TIME_STREAK', 'LATE_EXPIRED');

-- AlterTable
ALTER TABLE "MentorProfile" ADD COLUMN     "feeMultiplierBps" INTEGER NOT NULL DEFAULT 10000,
ADD COLUMN     "onTimeStreak" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Charge" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "payeeId" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "ChargeStatus" NOT NULL DEFAULT 'CAPTURED',
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Charge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvailabilityRule" (
    "id" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AvailabilityRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvailabilityException" (
    "id" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "kind" "AvailabilityExceptionKind" NOT NULL,
    "startMinute" INTEGER,
    "endMinute" INTEGER,
    "timeZone" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AvailabilityException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "topic" TEXT NOT NULL DEFAULT '',
    "state" "SessionState" NOT NULL DEFAULT 'SCHEDULED',
    "hourlyRateMinor" INTEGER NOT NULL,
    "feeMultiplierBps" INTEGER NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "channelName" TEXT NOT NULL,
    "rescheduleCount" INTEGER NOT NULL DEFAULT 0,
    "liveAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endedBy" "SessionParty",
    "endReason" TEXT,
    "unlapsedMinutes" INTEGER,
    "mentorJoinedAt" TIMESTAMP(3),
    "menteeJoinedAt" TIMESTAMP(3),
    "mentorLateMinutes" INTEGER,
    "mentorNoShow" BOOLEAN NOT NULL DEFAULT false,
    "menteeNoShow" BOOLEAN NOT NULL DEFAULT false,
    "cancelledAt" TIMESTAMP(3),
    "cancelledBy" "SessionParty",
    "cancelledById" TEXT,
    "cancelReason" TEXT,
    "refundPercent" INTEGER,
    "refundDueMinor" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionPresence" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT,
    "party" "SessionParty" NOT NULL,
    "kind" "PresenceKind" NOT NULL,
    "source" "PresenceSource" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "externalId" TEXT,
    "detail" JSONB,

    CONSTRAINT "SessionPresence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LateRecord" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "lateMinutes" INTEGER NOT NULL,
    "noShow" BOOLEAN NOT NULL DEFAULT false,
    "penaltyBps" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "expiredAt" TIMESTAMP(3),

    CONSTRAINT "LateRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeeMultiplierChange" (
    "id" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "fromBps" INTEGER NOT NULL,
    "toBps" INTEGER NOT NULL,
    "rule" "FeeMultiplierRule" NOT NULL,
    "reason" TEXT NOT NULL,
    "sessionIds" TEXT[],
    "policyVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeeMultiplierChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Charge_sessionId_key" ON "Charge"("sessionId");

-- CreateIndex
CREATE INDEX "Charge_payerId_createdAt_idx" ON "Charge"("payerId", "createdAt");

-- CreateIndex
CREATE INDEX "Charge_payeeId_createdAt_idx" ON "Charge"("payeeId", "createdAt");

-- CreateIndex
CREATE INDEX "AvailabilityRule_mentorId_idx" ON "AvailabilityRule"("mentorId");

-- CreateIndex
CREATE INDEX "AvailabilityException_mentorId_date_idx" ON "AvailabilityException"("mentorId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Session_channelName_key" ON "Session"("channelName");

-- CreateIndex
CREATE INDEX "Session_mentorId_startsAt_idx" ON "Session"("mentorId", "startsAt");

-- CreateIndex
CREATE INDEX "Session_menteeId_startsAt_idx" ON "Session"("menteeId", "startsAt");

-- CreateIndex
CREATE INDEX "Session_state_endsAt_idx" ON "Session"("state", "endsAt");

-- CreateIndex
CREATE INDEX "Session_state_startsAt_idx" ON "Session"("state", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "SessionPresence_externalId_key" ON "SessionPresence"("externalId");

-- CreateIndex
CREATE INDEX "SessionPresence_sessionId_at_idx" ON "SessionPresence"("sessionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "LateRecord_sessionId_key" ON "LateRecord"("sessionId");

-- CreateIndex
CREATE INDEX "LateRecord_mentorId_recordedAt_idx" ON "LateRecord"("mentorId", "recordedAt");

-- CreateIndex
CREATE INDEX "LateRecord_expiredAt_recordedAt_idx" ON "LateRecord"("expiredAt", "recordedAt");

-- CreateIndex
CREATE INDEX "FeeMultiplierChange_mentorId_createdAt_idx" ON "FeeMultiplierChange"("mentorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- AddForeignKey
ALTER TABLE "Charge" ADD CONSTRAINT "Charge_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Charge" ADD CONSTRAINT "Charge_payeeId_fkey" FOREIGN KEY ("payeeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityRule" ADD CONSTRAINT "AvailabilityRule_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityException" ADD CONSTRAINT "AvailabilityException_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionPresence" ADD CONSTRAINT "SessionPresence_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LateRecord" ADD CONSTRAINT "LateRecord_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LateRecord" ADD CONSTRAINT "LateRecord_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeMultiplierChange" ADD CONSTRAINT "FeeMultiplierChange_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma's schema cannot express these).
-- No double booking of a mentor or a mentee: active sessions may not overlap in time.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "Session" ADD CONSTRAINT "Session_time_order" CHECK ("endsAt" > "startsAt");

ALTER TABLE "Session" ADD CONSTRAINT "Session_mentor_no_overlap"
  EXCLUDE USING gist ("mentorId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE ("state" IN ('SCHEDULED', 'LIVE'));

ALTER TABLE "Session" ADD CONSTRAINT "Session_mentee_no_overlap"
  EXCLUDE USING gist ("menteeId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE ("state" IN ('SCHEDULED', 'LIVE'));

ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_fee_multiplier_positive" CHECK ("feeMultiplierBps" > 0);
