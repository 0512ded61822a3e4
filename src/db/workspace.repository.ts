// Workspaces (Slack teams, Teams tenants) and their validated settings.
import type { SettingsPatch, SettingsStore, SettingsUpdate, WorkspaceRecord } from "../app/ports.js";
import { settingsSchema } from "../domain/settings.js";
import { isValidTimeZone } from "../domain/timezone.js";
import type { Platform, Workspace } from "../generated/prisma/client.js";
import { AuditLogRepository } from "./audit-log.repository.js";
import type { Database } from "./database.js";
import type { Prisma, PrismaClient } from "./prisma.js";
import { toWorkspaceRecord } from "./records.js";

export interface WorkspaceIdentity {
  platform: Platform;
  externalId: string;
  /** Unknown on some requests (OAuth installs): then the stored name stays. */
  name?: string;
  /** Used only when the workspace is created; later changes go through settings. */
  timezone: string;
  /** When it was first seen (the injected clock); periods before it are never closed. */
  createdAt?: Date;
}

export class WorkspaceRepository implements SettingsStore {
  /** `sql` (the raw driver), when given, serves the once-a-minute listAll, as the outbox's idle check does. */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql?: Pick<Database, "withSession">,
  ) {}

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

  /** Every workspace (the daily jobs check each one's local time, every minute). */
  async listAll(): Promise<WorkspaceRecord[]> {
    if (!this.sql) return (await this.prisma.workspace.findMany({ orderBy: { createdAt: "asc" } })).map(toWorkspaceRecord);
    const rows = await this.sql.withSession((s) => s.query<Workspace>(`SELECT * FROM "Workspace" ORDER BY "createdAt"`));
    return rows.map(toWorkspaceRecord);
  }

  async findById(id: string): Promise<WorkspaceRecord | null> {
    const w = await this.prisma.workspace.findUnique({ where: { id } });
    return w && toWorkspaceRecord(w);
  }

  /** Validates the whole result before writing; an invalid change stores nothing and lists every problem. */
  async updateSettings(id: string, patch: SettingsPatch, actor: string): Promise<SettingsUpdate> {
    const { timezone: newTimezone, ...settingsPatch } = patch;
    return this.prisma.$transaction(async (tx) => {
      const current = toWorkspaceRecord(await tx.workspace.findUniqueOrThrow({ where: { id } }));
      const parsed = settingsSchema.safeParse({ ...current.settings, ...settingsPatch });
      const timezone = newTimezone?.trim() ?? current.timezone;
      const problems = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.join(".") || "settings", message: i.message }));
      if (!isValidTimeZone(timezone)) {
        // The input is echoed cut short: a pasted page must not become an error Slack or Teams refuses to show.
        const shown = timezone.length > 80 ? `${timezone.slice(0, 80)}…` : timezone;
        problems.push({ field: "timezone", message: `"${shown}" is not a time zone: use an IANA name such as Europe/Berlin or America/New_York.` });
      }
      if (!parsed.success || problems.length) return { ok: false, problems };
      await tx.workspace.update({ where: { id }, data: { settings: parsed.data as Prisma.InputJsonValue, timezone } });
      await new AuditLogRepository(tx).record({
        workspaceId: id,
        actor,
        action: "settings.update",
        subject: `workspace:${id}`,
        before: { ...current.settings, timezone: current.timezone },
        after: { ...parsed.data, timezone },
      });
      return { ok: true, settings: parsed.data };
    });
  }
}
