-- CreateEnum
CREATE TYPE "TeamsConversationKind" AS ENUM ('personal', 'channel', 'groupChat');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "platformAccountId" TEXT;

-- CreateTable
CREATE TABLE "TeamsConversation" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "conversationId" TEXT NOT NULL,
    "kind" "TeamsConversationKind" NOT NULL,
    "teamId" TEXT,
    "name" TEXT,
    "platformUserId" TEXT,
    "reference" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TeamsConversation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TeamsConversation_workspaceId_kind_platformUserId_idx" ON "TeamsConversation"("workspaceId", "kind", "platformUserId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamsConversation_workspaceId_conversationId_key" ON "TeamsConversation"("workspaceId", "conversationId");

-- CreateIndex
CREATE INDEX "Member_workspaceId_platformAccountId_idx" ON "Member"("workspaceId", "platformAccountId");

-- AddForeignKey
ALTER TABLE "TeamsConversation" ADD CONSTRAINT "TeamsConversation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
