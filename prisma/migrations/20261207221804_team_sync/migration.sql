-- CreateEnum
CREATE TYPE "TeamSourceKind" AS ENUM ('usergroup', 'channel');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "sourceKind" "TeamSourceKind",
ADD COLUMN     "sourceName" TEXT;
