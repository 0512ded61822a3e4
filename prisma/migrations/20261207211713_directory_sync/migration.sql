-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "isExternal" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "isGuest" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DirectorySync" (
    "workspaceId" UUID NOT NULL,
    "cursor" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "claimedAt" TIMESTAMPTZ(3),
    "listed" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMPTZ(3),
    "requestedAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,

    CONSTRAINT "DirectorySync_pkey" PRIMARY KEY ("workspaceId")
);

-- AddForeignKey
ALTER TABLE "DirectorySync" ADD CONSTRAINT "DirectorySync_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
