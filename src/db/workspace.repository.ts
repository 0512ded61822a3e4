// Workspaces (Slack teams, Teams tenants) and their validated settings.
import type { SettingName, SettingsPatch, SettingsStore, SettingsUpdate } from "../app/settings.ports.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { settingsSchema } from "../domain/settings.js";
import { isValidTimeZone } from "../domain/timezone.js";
import type { Member, Platform, Workspace } from "../generated/prisma/client.js";
import { AuditLogRepository } from "./audit-log.repository.js";
import type { Database } from "./database.js";
import type { Prisma } from "./prisma.js";
import { toMemberRecord, toWorkspaceRecord } from "./records.js";

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
  /**
   * The lookup every request makes and the once-a-minute listAll run on the raw driver: a Prisma statement costs
   * about three times the CPU (bench/README.md, "Load"), and an idle service never wakes Prisma's query compiler.
   */
  constructor(private readonly db: Database) {}

  /** Finds or creates the workspace; a renamed team gets its new name. One raw read, in the common case. */
  async ensure(identity: WorkspaceIdentity): Promise<WorkspaceRecord> {
    const existing = await this.findRow(identity.platform, identity.externalId);
    if (existing && (identity.name === undefined || existing.name === identity.name)) return toWorkspaceRecord(existing);
    const where = { platform_externalId: { platform: identity.platform, externalId: identity.externalId } };
    const w = await this.db.prisma.workspace.upsert({
      where,
      create: { ...identity, name: identity.name ?? identity.externalId },
      update: { name: identity.name },
    });
    return toWorkspaceRecord(w);
  }

  /**
   * The workspace and one of its members by platform ids, in one statement: what nearly every request looks up first.
   * Null when the workspace is not stored yet; `member` null when they are not.
   */
  async findWithMember(
    platform: Platform,
    externalId: string,
    platformUserId: string,
  ): Promise<{ workspace: WorkspaceRecord; member: MemberRecord | null } | null> {
    const [row] = await this.db.query<Workspace & { member: Member | null }>(
      `SELECT w.*, (SELECT to_jsonb(m) FROM "Member" m WHERE m."workspaceId" = w.id AND m."platformUserId" = $3) AS member
       FROM "Workspace" w WHERE w.platform = $1::"Platform" AND w."externalId" = $2`,
      [platform, externalId, platformUserId],
    );
    if (!row) return null;
    const { member, ...workspace } = row;
    return { workspace: toWorkspaceRecord(workspace), member: member && toMemberRecord(member) };
  }

  async find(platform: Platform, externalId: string): Promise<WorkspaceRecord | null> {
    const w = await this.findRow(platform, externalId);
    return w && toWorkspaceRecord(w);
  }

  private async findRow(platform: Platform, externalId: string): Promise<Workspace | null> {
    const [w] = await this.db.query<Workspace>(`SELECT * FROM "Workspace" WHERE platform = $1::"Platform" AND "externalId" = $2`, [platform, externalId]);
    return w ?? null;
  }

  /** Every workspace (the daily jobs check each one's local time, every minute). */
  async listAll(): Promise<WorkspaceRecord[]> {
    const rows = await this.db.query<Workspace>(`SELECT * FROM "Workspace" ORDER BY "createdAt"`);
    return rows.map(toWorkspaceRecord);
  }

  async findById(id: string): Promise<WorkspaceRecord | null> {
    const w = await this.db.prisma.workspace.findUnique({ where: { id } });
    return w && toWorkspaceRecord(w);
  }

  /** Validates the whole result before writing; an invalid change stores nothing and lists every problem. */
  async updateSettings(id: string, patch: SettingsPatch, actor: string): Promise<SettingsUpdate> {
    const { timezone: newTimezone, ...settingsPatch } = patch;
    return this.db.prisma.$transaction(async (tx) => {
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
      const before: Record<string, unknown> = { ...current.settings, timezone: current.timezone };
      const after: Record<string, unknown> = { ...parsed.data, timezone };
      const changed = (Object.keys(after) as SettingName[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
      return { ok: true, settings: parsed.data, changed };
    });
  }
}
