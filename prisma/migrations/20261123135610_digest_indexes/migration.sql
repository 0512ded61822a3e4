-- CreateIndex
CREATE INDEX "PeriodResult_workspaceId_closedAt_idx" ON "PeriodResult"("workspaceId", "closedAt");
