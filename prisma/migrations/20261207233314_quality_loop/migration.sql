-- CreateEnum
CREATE TYPE "CandidateStatus" AS ENUM ('pending', 'recognised', 'dismissed', 'expired');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('open', 'upheld', 'rescored');

-- AlterTable
ALTER TABLE "QuickScore" ADD COLUMN     "seenAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "CustomerFeedback" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "feedbackId" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "csat" INTEGER,
    "nps" INTEGER,
    "comment" TEXT,
    "interactionRef" TEXT,
    "channel" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CustomerFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WowCandidate" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "feedbackId" UUID NOT NULL,
    "agentId" UUID NOT NULL,
    "status" "CandidateStatus" NOT NULL DEFAULT 'pending',
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WowCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreReview" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "scoreId" UUID NOT NULL,
    "agentId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'open',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "rescoreId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Calibration" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "agentId" UUID NOT NULL,
    "startedById" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "revealedAt" TIMESTAMPTZ(3),
    "requestKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Calibration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalibrationParticipant" (
    "calibrationId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "connectionAttempts" INTEGER,
    "rapport" "ScoreAnswer",
    "unstatedNeeds" "ScoreAnswer",
    "wow" "ScoreAnswer",
    "weights" JSONB,
    "score" INTEGER,
    "note" TEXT,
    "scoredAt" TIMESTAMPTZ(3),

    CONSTRAINT "CalibrationParticipant_pkey" PRIMARY KEY ("calibrationId","memberId")
);

-- CreateIndex
CREATE INDEX "CustomerFeedback_workspaceId_receivedAt_idx" ON "CustomerFeedback"("workspaceId", "receivedAt");

-- CreateIndex
CREATE INDEX "CustomerFeedback_memberId_receivedAt_idx" ON "CustomerFeedback"("memberId", "receivedAt");

-- CreateIndex
CREATE INDEX "CustomerFeedback_workspaceId_interactionRef_idx" ON "CustomerFeedback"("workspaceId", "interactionRef");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerFeedback_workspaceId_feedbackId_key" ON "CustomerFeedback"("workspaceId", "feedbackId");

-- CreateIndex
CREATE UNIQUE INDEX "WowCandidate_feedbackId_key" ON "WowCandidate"("feedbackId");

-- CreateIndex
CREATE INDEX "WowCandidate_workspaceId_status_expiresAt_idx" ON "WowCandidate"("workspaceId", "status", "expiresAt");

-- CreateIndex
CREATE INDEX "WowCandidate_agentId_status_idx" ON "WowCandidate"("agentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreReview_scoreId_key" ON "ScoreReview"("scoreId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreReview_rescoreId_key" ON "ScoreReview"("rescoreId");

-- CreateIndex
CREATE INDEX "ScoreReview_workspaceId_status_idx" ON "ScoreReview"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "ScoreReview_agentId_status_idx" ON "ScoreReview"("agentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Calibration_requestKey_key" ON "Calibration"("requestKey");

-- CreateIndex
CREATE INDEX "Calibration_workspaceId_revealedAt_deadline_idx" ON "Calibration"("workspaceId", "revealedAt", "deadline");

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WowCandidate" ADD CONSTRAINT "WowCandidate_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WowCandidate" ADD CONSTRAINT "WowCandidate_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "CustomerFeedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WowCandidate" ADD CONSTRAINT "WowCandidate_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WowCandidate" ADD CONSTRAINT "WowCandidate_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreReview" ADD CONSTRAINT "ScoreReview_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreReview" ADD CONSTRAINT "ScoreReview_scoreId_fkey" FOREIGN KEY ("scoreId") REFERENCES "QuickScore"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreReview" ADD CONSTRAINT "ScoreReview_rescoreId_fkey" FOREIGN KEY ("rescoreId") REFERENCES "QuickScore"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreReview" ADD CONSTRAINT "ScoreReview_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreReview" ADD CONSTRAINT "ScoreReview_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Calibration" ADD CONSTRAINT "Calibration_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Calibration" ADD CONSTRAINT "Calibration_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Calibration" ADD CONSTRAINT "Calibration_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationParticipant" ADD CONSTRAINT "CalibrationParticipant_calibrationId_fkey" FOREIGN KEY ("calibrationId") REFERENCES "Calibration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationParticipant" ADD CONSTRAINT "CalibrationParticipant_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
