-- CreateEnum
CREATE TYPE "TeamRole" AS ENUM ('member', 'lead');

-- CreateTable
CREATE TABLE "Team" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "leadsChannel" TEXT,
    "leadsChannelName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMembership" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "role" "TeamRole" NOT NULL,
    "from" TIMESTAMPTZ(3) NOT NULL,
    "to" TIMESTAMPTZ(3),

    CONSTRAINT "TeamMembership_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Team_workspaceId_idx" ON "Team"("workspaceId");

-- CreateIndex
CREATE INDEX "TeamMembership_teamId_to_idx" ON "TeamMembership"("teamId", "to");

-- CreateIndex
CREATE INDEX "TeamMembership_memberId_to_idx" ON "TeamMembership"("memberId", "to");

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMembership" ADD CONSTRAINT "TeamMembership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMembership" ADD CONSTRAINT "TeamMembership_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A live team's name is unique in its workspace, whatever its case; a deleted team frees its name.
CREATE UNIQUE INDEX "Team_workspace_live_name_key" ON "Team"("workspaceId", lower("name")) WHERE "deletedAt" IS NULL;

-- A member is an agent of at most one team at a time, and holds a part in a team at most once at a time.
CREATE UNIQUE INDEX "TeamMembership_one_team_key" ON "TeamMembership"("memberId") WHERE "to" IS NULL AND "role" = 'member';
CREATE UNIQUE INDEX "TeamMembership_open_part_key" ON "TeamMembership"("teamId", "memberId", "role") WHERE "to" IS NULL;
