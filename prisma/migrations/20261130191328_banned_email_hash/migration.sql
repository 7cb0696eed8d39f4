-- CreateTable
CREATE TABLE "BannedEmailHash" (
    "hash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "enforcementId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BannedEmailHash_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "BannedEmailHash_enforcementId_idx" ON "BannedEmailHash"("enforcementId");
