-- AlterTable
ALTER TABLE "TeamsConversation" ADD COLUMN     "teamName" TEXT;
