-- CreateEnum
CREATE TYPE "RefundKind" AS ENUM ('CANCELLATION', 'HANG_UP', 'STAFF', 'DISPUTE', 'ENFORCEMENT');

-- CreateEnum
CREATE TYPE "PartialRefundStatus" AS ENUM ('PENDING', 'CONTESTED', 'PAID', 'CLOSED');

-- CreateEnum
CREATE TYPE "DisputeScope" AS ENUM ('SESSION', 'MENTORSHIP');

-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'IN_REVIEW', 'RESOLVED');

-- CreateEnum
CREATE TYPE "DisputeOutcome" AS ENUM ('FULL_REFUND', 'PARTIAL_REFUND', 'NO_ACTION', 'ENFORCEMENT_REFERRAL');

-- CreateEnum
CREATE TYPE "DisputeParty" AS ENUM ('MENTOR', 'MENTEE');

-- CreateEnum
CREATE TYPE "DisputeNoteVisibility" AS ENUM ('INTERNAL', 'PARTIES');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ChargeStatus" ADD VALUE 'PARTIALLY_REFUNDED';
ALTER TYPE "ChargeStatus" ADD VALUE 'REFUNDED';

-- AlterTable
ALTER TABLE "Charge" ADD COLUMN     "provider" TEXT NOT NULL DEFAULT 'internal',
ADD COLUMN     "providerRef" TEXT,
ADD COLUMN     "refundedMinor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "chargeId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "kind" "RefundKind" NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT,
    "provider" TEXT NOT NULL,
    "providerRef" TEXT,
    "partialRefundRequestId" TEXT,
    "disputeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" TEXT NOT NULL,
    "actorKey" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "paramsHash" TEXT NOT NULL,
    "resultType" TEXT,
    "resultId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartialRefundRequest" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "chargeId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    "scheduledMinutes" INTEGER NOT NULL,
    "unlapsedMinutes" INTEGER NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "status" "PartialRefundStatus" NOT NULL DEFAULT 'PENDING',
    "contestDeadline" TIMESTAMP(3) NOT NULL,
    "contestedAt" TIMESTAMP(3),
    "contestReason" TEXT,
    "disputeId" TEXT,
    "refundId" TEXT,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartialRefundRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL,
    "scope" "DisputeScope" NOT NULL,
    "sessionId" TEXT,
    "mentorId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "openedById" TEXT NOT NULL,
    "openedBy" "DisputeParty" NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "partialRefundId" TEXT,
    "status" "DisputeStatus" NOT NULL DEFAULT 'OPEN',
    "assigneeId" TEXT,
    "responseDueAt" TIMESTAMP(3) NOT NULL,
    "outcome" "DisputeOutcome",
    "outcomeAmountMinor" INTEGER,
    "currency" CHAR(3),
    "resolutionReason" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "refundId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisputeNote" (
    "id" TEXT NOT NULL,
    "disputeId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "visibility" "DisputeNoteVisibility" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DisputeNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Refund_partialRefundRequestId_key" ON "Refund"("partialRefundRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_disputeId_key" ON "Refund"("disputeId");

-- CreateIndex
CREATE INDEX "Refund_chargeId_createdAt_idx" ON "Refund"("chargeId", "createdAt");

-- CreateIndex
CREATE INDEX "Refund_sessionId_idx" ON "Refund"("sessionId");

-- CreateIndex
CREATE INDEX "Refund_createdAt_idx" ON "Refund"("createdAt");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_actorKey_operation_key_key" ON "IdempotencyKey"("actorKey", "operation", "key");

-- CreateIndex
CREATE UNIQUE INDEX "PartialRefundRequest_sessionId_key" ON "PartialRefundRequest"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "PartialRefundRequest_disputeId_key" ON "PartialRefundRequest"("disputeId");

-- CreateIndex
CREATE UNIQUE INDEX "PartialRefundRequest_refundId_key" ON "PartialRefundRequest"("refundId");

-- CreateIndex
CREATE INDEX "PartialRefundRequest_status_contestDeadline_idx" ON "PartialRefundRequest"("status", "contestDeadline");

-- CreateIndex
CREATE INDEX "PartialRefundRequest_menteeId_createdAt_idx" ON "PartialRefundRequest"("menteeId", "createdAt");

-- CreateIndex
CREATE INDEX "PartialRefundRequest_mentorId_createdAt_idx" ON "PartialRefundRequest"("mentorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Dispute_partialRefundId_key" ON "Dispute"("partialRefundId");

-- CreateIndex
CREATE UNIQUE INDEX "Dispute_refundId_key" ON "Dispute"("refundId");

-- CreateIndex
CREATE INDEX "Dispute_status_responseDueAt_idx" ON "Dispute"("status", "responseDueAt");

-- CreateIndex
CREATE INDEX "Dispute_sessionId_idx" ON "Dispute"("sessionId");

-- CreateIndex
CREATE INDEX "Dispute_mentorId_createdAt_idx" ON "Dispute"("mentorId", "createdAt");

-- CreateIndex
CREATE INDEX "Dispute_menteeId_createdAt_idx" ON "Dispute"("menteeId", "createdAt");

-- CreateIndex
CREATE INDEX "Dispute_assigneeId_status_idx" ON "Dispute"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "DisputeNote_disputeId_createdAt_idx" ON "DisputeNote"("disputeId", "createdAt");

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_chargeId_fkey" FOREIGN KEY ("chargeId") REFERENCES "Charge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartialRefundRequest" ADD CONSTRAINT "PartialRefundRequest_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartialRefundRequest" ADD CONSTRAINT "PartialRefundRequest_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeNote" ADD CONSTRAINT "DisputeNote_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "Dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeNote" ADD CONSTRAINT "DisputeNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (Prisma's schema cannot express these).
-- The refundable amount (amountMinor - refundedMinor) can never go negative, whatever the code does.
ALTER TABLE "Charge" ADD CONSTRAINT "Charge_amount_nonnegative" CHECK ("amountMinor" >= 0);
ALTER TABLE "Charge" ADD CONSTRAINT "Charge_refunds_within_amount" CHECK ("refundedMinor" >= 0 AND "refundedMinor" <= "amountMinor");
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amount_positive" CHECK ("amountMinor" > 0);
ALTER TABLE "PartialRefundRequest" ADD CONSTRAINT "PartialRefundRequest_amounts" CHECK ("amountMinor" >= 0 AND "unlapsedMinutes" > 0 AND "unlapsedMinutes" <= "scheduledMinutes" AND "scheduledMinutes" > 0);
-- A session dispute names its session; a mentorship dispute names none.
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_scope_session" CHECK (("scope" = 'SESSION') = ("sessionId" IS NOT NULL));
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_outcome_amount" CHECK ("outcomeAmountMinor" IS NULL OR "outcomeAmountMinor" >= 0);
