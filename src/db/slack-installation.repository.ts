// Slack OAuth installations in PostgreSQL, keyed by team (or enterprise, for org-wide installs).
import type { Prisma, PrismaClient } from "./prisma.js";

export interface StoredInstallation {
  installKey: string;
  teamId: string | null;
  enterpriseId: string | null;
  installerUserId: string | null;
  data: unknown;
}

export class SlackInstallationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async save(i: StoredInstallation): Promise<void> {
    const fields = { teamId: i.teamId, enterpriseId: i.enterpriseId, installerUserId: i.installerUserId, data: i.data as Prisma.InputJsonValue };
    await this.prisma.slackInstallation.upsert({ where: { installKey: i.installKey }, create: { installKey: i.installKey, ...fields }, update: fields });
  }

  async find(installKey: string): Promise<unknown | null> {
    return (await this.prisma.slackInstallation.findUnique({ where: { installKey } }))?.data ?? null;
  }

  async delete(installKey: string): Promise<void> {
    await this.prisma.slackInstallation.deleteMany({ where: { installKey } });
  }
}
