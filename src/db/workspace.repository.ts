// Workspaces (Slack teams, Teams tenants) and their validated settings.
import type { SettingsStore, SettingsUpdate, WorkspaceRecord } from "../app/ports.js";
import { settingsSchema, type WorkspaceSettings } from "../domain/settings.js";
import type { Platform } from "../generated/prisma/client.js";
import { AuditLogRepository } from "./audit-log.repository.js";
import type { Prisma, PrismaClient } from "./prisma.js";
import { toWorkspaceRecord } from "./records.js";

export interface WorkspaceIdentity {
  platform: Platform;
  externalId: string;
  /** Unknown on some requests (OAuth installs): then the stored name stays. */
  name?: string;
  /** Used only when the workspace is created; later changes go through settings. */
  timezone: string;
}

export class WorkspaceRepository implements SettingsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Finds or creates the workspace; a renamed team gets its new name. Reads only, in the common case. */
  async ensure(identity: WorkspaceIdentity): Promise<WorkspaceRecord> {
    const where = { platform_externalId: { platform: identity.platform, externalId: identity.externalId } };
    const existing = await this.prisma.workspace.findUnique({ where });
    if (existing && (identity.name === undefined || existing.name === identity.name)) return toWorkspaceRecord(existing);
    const w = await this.prisma.workspace.upsert({
      where,
      create: { ...identity, name: identity.name ?? identity.externalId },
      update: { name: identity.name },
    });
    return toWorkspaceRecord(w);
  }

  async find(platform: Platform, externalId: string): Promise<WorkspaceRecord | null> {
    const w = await this.prisma.workspace.findUnique({ where: { platform_externalId: { platform, externalId } } });
    return w && toWorkspaceRecord(w);
  }

  async findById(id: string): Promise<WorkspaceRecord | null> {
    const w = await this.prisma.workspace.findUnique({ where: { id } });
    return w && toWorkspaceRecord(w);
  }

  /** Validates the whole result before writing; an invalid change stores nothing and lists every problem. */
  async updateSettings(id: string, patch: Partial<WorkspaceSettings>, actor: string): Promise<SettingsUpdate> {
    return this.prisma.$transaction(async (tx) => {
      const before = toWorkspaceRecord(await tx.workspace.findUniqueOrThrow({ where: { id } })).settings;
      const parsed = settingsSchema.safeParse({ ...before, ...patch });
      if (!parsed.success) {
        return { ok: false, problems: parsed.error.issues.map((i) => ({ field: i.path.join(".") || "settings", message: i.message })) };
      }
      await tx.workspace.update({ where: { id }, data: { settings: parsed.data as Prisma.InputJsonValue } });
      await new AuditLogRepository(tx).record({ workspaceId: id, actor, action: "settings.update", subject: `workspace:${id}`, before, after: parsed.data });
      return { ok: true, settings: parsed.data };
    });
  }
}
