-- CreateIndex
CREATE INDEX "PeriodResult_memberId_periodEnd_idx" ON "PeriodResult"("memberId", "periodEnd");
