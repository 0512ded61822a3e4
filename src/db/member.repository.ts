// Members of a workspace, keyed by platform user id, with their role.
import { randomUUID } from "node:crypto";
import type { MemberRecord, MemberStore, PlatformUser } from "../app/ports.js";
import type { Role } from "../domain/roles.js";
import type { Member } from "../generated/prisma/client.js";
import { AuditLogRepository } from "./audit-log.repository.js";
import type { Database } from "./database.js";
import { toMemberRecord } from "./records.js";

export interface MemberProfile {
  workspaceId: string;
  platformUserId: string;
  displayName: string;
  email?: string | null;
  timezone?: string | null;
  active?: boolean;
  isBot?: boolean;
  platformAccountId?: string | null;
}

export class MemberRepository implements MemberStore {
  /** `find`, which nearly every request makes, runs on the raw driver (a third of a Prisma statement's CPU). */
  constructor(private readonly db: Database) {}

  /**
   * Creates the member with `initialRole`, or refreshes the profile of a known one (its role is kept). `joinedAt`
   * (default now) counts only when the member is created: attendance eligibility starts there. One raw statement:
   * every request from someone new makes one.
   */
  async upsert(profile: MemberProfile, initialRole: Role = "agent", joinedAt?: Date): Promise<MemberRecord> {
    const { workspaceId, platformUserId, ...rest } = profile;
    const params: unknown[] = [randomUUID(), workspaceId, platformUserId, initialRole, joinedAt ?? null];
    // Only the fields given are written, as with an update that leaves out the others.
    const columns = (Object.keys(rest) as Array<keyof typeof rest>)
      .filter((key) => rest[key] !== undefined)
      .map((key) => ({ name: `"${key}"`, value: `$${params.push(rest[key])}` }));
    const [m] = await this.db.query<Member>(
      `INSERT INTO "Member" (id, "workspaceId", "platformUserId", role, "joinedAt", ${columns.map((c) => c.name).join(", ")}, "updatedAt")
       VALUES ($1::uuid, $2::uuid, $3, $4::"Role", coalesce($5::timestamptz, now()), ${columns.map((c) => c.value).join(", ")}, now())
       ON CONFLICT ("workspaceId", "platformUserId") DO UPDATE SET ${columns.map((c) => `${c.name} = EXCLUDED.${c.name}`).join(", ")}, "updatedAt" = now()
       RETURNING *`,
      params,
    );
    return toMemberRecord(m as Member);
  }

  saveFromPlatform(workspaceId: string, user: PlatformUser, initialRole: Role, at: Date): Promise<MemberRecord> {
    return this.upsert(
      {
        workspaceId,
        platformUserId: user.platformUserId,
        displayName: user.displayName,
        email: user.email,
        timezone: user.timezone,
        active: !user.deleted,
        isBot: user.isBot,
        ...(user.platformAccountId !== undefined ? { platformAccountId: user.platformAccountId } : {}),
      },
      initialRole,
      at,
    );
  }

  async find(workspaceId: string, platformUserId: string): Promise<MemberRecord | null> {
    const [m] = await this.db.query<Member>(`SELECT * FROM "Member" WHERE "workspaceId" = $1::uuid AND "platformUserId" = $2`, [workspaceId, platformUserId]);
    return m ? toMemberRecord(m) : null;
  }

  /** Teams: the member with this per-bot account id ("29:..."), to resolve mentions. */
  async findByAccountId(workspaceId: string, platformAccountId: string): Promise<MemberRecord | null> {
    const m = await this.db.prisma.member.findFirst({ where: { workspaceId, platformAccountId } });
    return m && toMemberRecord(m);
  }

  /** Teams: the per-bot account id of a member, to open a 1:1 chat with them. */
  async accountIdOf(workspaceId: string, platformUserId: string): Promise<string | null> {
    const m = await this.db.prisma.member.findUnique({
      where: { workspaceId_platformUserId: { workspaceId, platformUserId } },
      select: { platformAccountId: true },
    });
    return m?.platformAccountId ?? null;
  }

  async findById(id: string): Promise<MemberRecord | null> {
    const m = await this.db.prisma.member.findUnique({ where: { id } });
    return m && toMemberRecord(m);
  }

  /** Members whose platform user id is one of `keys`, or whose email is one of them (any case), in one query. */
  async findByIdOrEmail(workspaceId: string, keys: string[]): Promise<MemberRecord[]> {
    const ids = [...new Set(keys)];
    if (ids.length === 0) return [];
    // Platform user ids never contain "@", emails always do.
    const emails = [...new Set(keys.filter((k) => k.includes("@")).map((k) => k.toLowerCase()))];
    const rows = await this.db.prisma.member.findMany({
      where: {
        workspaceId,
        OR: [{ platformUserId: { in: ids } }, ...(emails.length ? [{ email: { in: emails, mode: "insensitive" as const } }] : [])],
      },
      orderBy: { id: "asc" },
    });
    return rows.map(toMemberRecord);
  }

  async findEverywhere(platformUserIds: readonly string[]): Promise<MemberRecord[]> {
    const rows = await this.db.prisma.member.findMany({ where: { platformUserId: { in: [...platformUserIds] } }, orderBy: { id: "asc" } });
    return rows.map(toMemberRecord);
  }

  countByRole(workspaceId: string, role: Role): Promise<number> {
    return this.db.prisma.member.count({ where: { workspaceId, role, active: true } });
  }

  async listByRole(workspaceId: string, roles: Role[]): Promise<MemberRecord[]> {
    const rows = await this.db.prisma.member.findMany({ where: { workspaceId, role: { in: roles }, active: true }, orderBy: { displayName: "asc" } });
    return rows.map(toMemberRecord);
  }

  async markDeparted(workspaceId: string, platformUserId: string): Promise<MemberRecord | null> {
    const [m] = await this.db.query<Member>(
      `UPDATE "Member" SET active = false, "updatedAt" = now() WHERE "workspaceId" = $1::uuid AND "platformUserId" = $2 RETURNING *`,
      [workspaceId, platformUserId],
    );
    return m ? toMemberRecord(m) : null;
  }

  /** Changes a role and audit-logs it in one transaction. Returns null when the member is unknown. */
  async setRole(workspaceId: string, platformUserId: string, role: Role, actor: string): Promise<MemberRecord | null> {
    return this.db.prisma.$transaction(async (tx) => {
      const before = await tx.member.findUnique({ where: { workspaceId_platformUserId: { workspaceId, platformUserId } } });
      if (!before) return null;
      const after = await tx.member.update({ where: { id: before.id }, data: { role } });
      await new AuditLogRepository(tx).record({
        workspaceId,
        actor,
        action: "member.role",
        subject: `member:${platformUserId}`,
        before: { role: before.role },
        after: { role },
      });
      return toMemberRecord(after);
    });
  }
}
