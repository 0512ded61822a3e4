// Workspaces (Slack teams, Teams tenants) and their validated settings.
import { readSettings, settingsSchema, type WorkspaceSettings } from "../domain/settings.js";
import type { Platform, Workspace } from "../generated/prisma/client.js";
import { AuditLogRepository } from "./audit-log.repository.js";
import type { Db, Prisma, PrismaClient } from "./prisma.js";

export interface WorkspaceIdentity {
  platform: Platform;
  externalId: string;
  name: string;
  /** Used only when the workspace is created; later changes go through settings. */
  timezone: string;
}

export type SettingsUpdate = { ok: true; settings: WorkspaceSettings } | { ok: false; problems: string[] };

export class WorkspaceRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Finds or creates the workspace; a renamed team gets its new name. */
  ensure(identity: WorkspaceIdentity, tx: Db = this.prisma): Promise<Workspace> {
    return tx.workspace.upsert({
      where: { platform_externalId: { platform: identity.platform, externalId: identity.externalId } },
      create: { ...identity },
      update: { name: identity.name },
    });
  }

  find(platform: Platform, externalId: string) {
    return this.prisma.workspace.findUnique({ where: { platform_externalId: { platform, externalId } } });
  }

  findById(id: string) {
    return this.prisma.workspace.findUnique({ where: { id } });
  }

  count() {
    return this.prisma.workspace.count();
  }

  settingsOf(workspace: Pick<Workspace, "settings">): WorkspaceSettings {
    return readSettings(workspace.settings).settings;
  }

  /** Validates the whole result before writing; an invalid change stores nothing and lists every problem. */
  async updateSettings(id: string, patch: Partial<WorkspaceSettings>, actor: string): Promise<SettingsUpdate> {
    return this.prisma.$transaction(async (tx) => {
      const current = await tx.workspace.findUniqueOrThrow({ where: { id } });
      const before = this.settingsOf(current);
      const parsed = settingsSchema.safeParse({ ...before, ...patch });
      if (!parsed.success) {
        return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "settings"}: ${i.message}`) };
      }
      await tx.workspace.update({ where: { id }, data: { settings: parsed.data as Prisma.InputJsonValue } });
      await new AuditLogRepository(tx).record({ workspaceId: id, actor, action: "settings.update", subject: `workspace:${id}`, before, after: parsed.data });
      return { ok: true, settings: parsed.data };
    });
  }
}
