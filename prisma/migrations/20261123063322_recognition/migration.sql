-- CreateEnum
CREATE TYPE "NominationStatus" AS ENUM ('active', 'retracted', 'removed');

-- CreateEnum
CREATE TYPE "Behaviour" AS ENUM ('connection', 'rapport', 'unstated_need', 'wow');

-- CreateEnum
CREATE TYPE "InteractionChannel" AS ENUM ('phone', 'chat', 'email', 'social');

-- CreateEnum
CREATE TYPE "ScoreAnswer" AS ENUM ('yes', 'partly', 'no', 'na');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "isBot" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "result" JSONB;

-- CreateTable
CREATE TABLE "Nomination" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "nomineeId" UUID NOT NULL,
    "nominatorId" UUID NOT NULL,
    "reference" TEXT,
    "story" TEXT NOT NULL,
    "behaviours" "Behaviour"[],
    "status" "NominationStatus" NOT NULL DEFAULT 'active',
    "sourceChannel" TEXT,
    "postChannel" TEXT,
    "postTs" TEXT,
    "requestKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retractedAt" TIMESTAMPTZ(3),
    "removedAt" TIMESTAMPTZ(3),
    "removedById" UUID,

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Endorsement" (
    "id" UUID NOT NULL,
    "nominationId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Endorsement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuickScore" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "agentId" UUID NOT NULL,
    "scorerId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "channel" "InteractionChannel" NOT NULL,
    "connectionAttempts" INTEGER NOT NULL,
    "rapport" "ScoreAnswer" NOT NULL,
    "unstatedNeeds" "ScoreAnswer" NOT NULL,
    "wow" "ScoreAnswer" NOT NULL,
    "weights" JSONB NOT NULL,
    "score" INTEGER NOT NULL,
    "note" TEXT,
    "supersededById" UUID,
    "requestKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuickScore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Nomination_requestKey_key" ON "Nomination"("requestKey");

-- CreateIndex
CREATE INDEX "Nomination_workspaceId_createdAt_idx" ON "Nomination"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Nomination_nomineeId_createdAt_idx" ON "Nomination"("nomineeId", "createdAt");

-- CreateIndex
CREATE INDEX "Nomination_nominatorId_createdAt_idx" ON "Nomination"("nominatorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Endorsement_nominationId_memberId_key" ON "Endorsement"("nominationId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "QuickScore_supersededById_key" ON "QuickScore"("supersededById");

-- CreateIndex
CREATE UNIQUE INDEX "QuickScore_requestKey_key" ON "QuickScore"("requestKey");

-- CreateIndex
CREATE INDEX "QuickScore_workspaceId_createdAt_idx" ON "QuickScore"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "QuickScore_agentId_createdAt_idx" ON "QuickScore"("agentId", "createdAt");

-- CreateIndex
CREATE INDEX "QuickScore_workspaceId_agentId_reference_idx" ON "QuickScore"("workspaceId", "agentId", "reference");

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_nomineeId_fkey" FOREIGN KEY ("nomineeId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_nominatorId_fkey" FOREIGN KEY ("nominatorId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Endorsement" ADD CONSTRAINT "Endorsement_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Endorsement" ADD CONSTRAINT "Endorsement_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickScore" ADD CONSTRAINT "QuickScore_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickScore" ADD CONSTRAINT "QuickScore_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickScore" ADD CONSTRAINT "QuickScore_scorerId_fkey" FOREIGN KEY ("scorerId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickScore" ADD CONSTRAINT "QuickScore_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "QuickScore"("id") ON DELETE SET NULL ON UPDATE CASCADE;
