-- CreateEnum
CREATE TYPE "PolicyDocumentKind" AS ENUM ('CODE_OF_CONDUCT', 'PRIVACY_POLICY');

-- CreateEnum
CREATE TYPE "ExpectationItem" AS ENUM ('CONFIDENTIALITY', 'EXPECTED_RESULTS', 'OPENNESS', 'ROAD_MAP');

-- CreateTable
CREATE TABLE "PolicyDocument" (
    "id" TEXT NOT NULL,
    "kind" "PolicyDocumentKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "publishedById" TEXT,

    CONSTRAINT "PolicyDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyAcceptance" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "kind" "PolicyDocumentKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicyAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionExpectation" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "item" "ExpectationItem" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "coveredAt" TIMESTAMP(3) NOT NULL,
    "coveredById" TEXT NOT NULL,

    CONSTRAINT "SessionExpectation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PolicyDocument_kind_publishedAt_idx" ON "PolicyDocument"("kind", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyDocument_kind_version_key" ON "PolicyDocument"("kind", "version");

-- CreateIndex
CREATE INDEX "PolicyAcceptance_userId_kind_version_idx" ON "PolicyAcceptance"("userId", "kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyAcceptance_userId_documentId_key" ON "PolicyAcceptance"("userId", "documentId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionExpectation_sessionId_item_key" ON "SessionExpectation"("sessionId", "item");

-- AddForeignKey
ALTER TABLE "PolicyDocument" ADD CONSTRAINT "PolicyDocument_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyAcceptance" ADD CONSTRAINT "PolicyAcceptance_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PolicyDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyAcceptance" ADD CONSTRAINT "PolicyAcceptance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionExpectation" ADD CONSTRAINT "SessionExpectation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a published version is never edited (a change is a new version).
CREATE OR REPLACE FUNCTION policy_document_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW."kind" IS DISTINCT FROM OLD."kind" OR NEW."version" IS DISTINCT FROM OLD."version"
    OR NEW."title" IS DISTINCT FROM OLD."title" OR NEW."body" IS DISTINCT FROM OLD."body"
    OR NEW."summary" IS DISTINCT FROM OLD."summary" OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt" THEN
    RAISE EXCEPTION 'published policy document % is immutable', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PolicyDocument_immutable"
  BEFORE UPDATE OR DELETE ON "PolicyDocument"
  FOR EACH ROW EXECUTE FUNCTION policy_document_immutable();
