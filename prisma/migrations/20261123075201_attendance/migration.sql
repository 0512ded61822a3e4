-- CreateEnum
CREATE TYPE "OccurrenceType" AS ENUM ('absence', 'late', 'excused');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('credit', 'redemption', 'reversal', 'correction', 'adjustment');

-- CreateEnum
CREATE TYPE "PtoRequestStatus" AS ENUM ('pending', 'approved', 'declined', 'cancelled');

-- CreateTable
CREATE TABLE "AttendanceOccurrence" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "type" "OccurrenceType" NOT NULL,
    "points" DECIMAL(6,2) NOT NULL,
    "note" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),
    "deletedBy" TEXT,

    CONSTRAINT "AttendanceOccurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodResult" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "points" DECIMAL(8,2) NOT NULL,
    "clean" BOOLEAN NOT NULL,
    "streak" INTEGER NOT NULL,
    "hoursCredited" DECIMAL(10,2) NOT NULL,
    "note" TEXT,
    "closedAt" TIMESTAMPTZ(3) NOT NULL,
    "correctedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PeriodResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PtoLedgerEntry" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "hours" DECIMAL(10,2) NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "periodResultId" UUID,
    "ptoRequestId" UUID,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PtoLedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PtoRequest" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "hours" DECIMAL(10,2) NOT NULL,
    "status" "PtoRequestStatus" NOT NULL DEFAULT 'pending',
    "note" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "requestKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PtoRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AttendanceOccurrence_workspaceId_date_idx" ON "AttendanceOccurrence"("workspaceId", "date");

-- CreateIndex
CREATE INDEX "AttendanceOccurrence_memberId_date_idx" ON "AttendanceOccurrence"("memberId", "date");

-- CreateIndex
CREATE INDEX "PeriodResult_workspaceId_periodStart_idx" ON "PeriodResult"("workspaceId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodResult_memberId_periodStart_key" ON "PeriodResult"("memberId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "PtoLedgerEntry_dedupeKey_key" ON "PtoLedgerEntry"("dedupeKey");

-- CreateIndex
CREATE INDEX "PtoLedgerEntry_memberId_createdAt_idx" ON "PtoLedgerEntry"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "PtoLedgerEntry_workspaceId_createdAt_idx" ON "PtoLedgerEntry"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PtoRequest_requestKey_key" ON "PtoRequest"("requestKey");

-- CreateIndex
CREATE INDEX "PtoRequest_workspaceId_status_idx" ON "PtoRequest"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "PtoRequest_memberId_date_idx" ON "PtoRequest"("memberId", "date");

-- AddForeignKey
ALTER TABLE "AttendanceOccurrence" ADD CONSTRAINT "AttendanceOccurrence_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceOccurrence" ADD CONSTRAINT "AttendanceOccurrence_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodResult" ADD CONSTRAINT "PeriodResult_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodResult" ADD CONSTRAINT "PeriodResult_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PtoLedgerEntry" ADD CONSTRAINT "PtoLedgerEntry_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PtoLedgerEntry" ADD CONSTRAINT "PtoLedgerEntry_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PtoLedgerEntry" ADD CONSTRAINT "PtoLedgerEntry_periodResultId_fkey" FOREIGN KEY ("periodResultId") REFERENCES "PeriodResult"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PtoLedgerEntry" ADD CONSTRAINT "PtoLedgerEntry_ptoRequestId_fkey" FOREIGN KEY ("ptoRequestId") REFERENCES "PtoRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PtoRequest" ADD CONSTRAINT "PtoRequest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PtoRequest" ADD CONSTRAINT "PtoRequest_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
