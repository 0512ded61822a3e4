-- AlterTable
ALTER TABLE "ChatSession" ALTER COLUMN "idleSeconds" SET DATA TYPE DOUBLE PRECISION;

-- Stored idle times were whole seconds, truncated (120.9 s was 120, not over a 120 s threshold): recompute them from
-- the timestamps, which keep milliseconds.
UPDATE "ChatSession"
SET "idleSeconds" = GREATEST(0, EXTRACT(EPOCH FROM ("agentClosedAt" - "customerLeftAt")))
WHERE "customerLeftAt" IS NOT NULL AND "agentClosedAt" IS NOT NULL;
