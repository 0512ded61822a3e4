// Members of a workspace, keyed by platform user id, with their role.
import { randomUUID } from "node:crypto";
import type { MemberStore } from "../app/members.ports.js";
import type { MemberRecord, PlatformUser } from "../domain/records.js";
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
  isGuest?: boolean;
  isExternal?: boolean;
  platformAccountId?: string | null;
}

/** Member references without a uniqueness of their own: moved as they are when two members are merged. */
const MEMBER_COLUMNS = [
  ["Nomination", "nomineeId"],
  ["Nomination", "nominatorId"],
  ["QuickScore", "agentId"],
  ["QuickScore", "scorerId"],
  ["AttendanceOccurrence", "memberId"],
  ["PtoLedgerEntry", "memberId"],
  ["PtoRequest", "memberId"],
  ["ChatSession", "memberId"],
] as const;

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

  async saveFromPlatform(workspaceId: string, user: PlatformUser, initialRole: Role, at: Date): Promise<MemberRecord> {
    // Teams: a person first seen without their AAD object id is stored under their "29:" account id. Once the AAD id
    // is known the same person must not become a second member: the row is re-keyed (or merged into the other).
    const accountId = user.platformAccountId;
    if (accountId && accountId !== user.platformUserId) await this.rekey(workspaceId, accountId, user.platformUserId);
    return this.upsert(
      {
        workspaceId,
        platformUserId: user.platformUserId,
        displayName: user.displayName,
        email: user.email,
        timezone: user.timezone,
        active: !user.deleted,
        isBot: user.isBot,
        isGuest: user.isGuest,
        isExternal: user.isExternal,
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

  /**
   * Makes the member stored under `from` the member `to`: renamed when `to` is not stored; otherwise (two rows for one
   * person, from before this rule) `from`'s history moves to `to` and `from` goes. Facts kept once per member (a
   * period's result, a day's service level, a seconding) that both rows hold stay as `to` has them. Nothing happens
   * when `from` is not stored.
   */
  async rekey(workspaceId: string, from: string, to: string): Promise<void> {
    const [old] = await this.db.query<{ id: string }>(`SELECT id FROM "Member" WHERE "workspaceId" = $1::uuid AND "platformUserId" = $2`, [workspaceId, from]);
    if (!old) return;
    await this.db.transaction(async (tx) => {
      const [target] = await tx.query<{ id: string }>(`SELECT id FROM "Member" WHERE "workspaceId" = $1::uuid AND "platformUserId" = $2`, [workspaceId, to]);
      // Their 1:1 chat and the messages owed to them follow the person.
      await tx.query(`UPDATE "TeamsConversation" SET "platformUserId" = $3 WHERE "workspaceId" = $1::uuid AND "platformUserId" = $2`, [workspaceId, from, to]);
      await tx.query(
        `UPDATE "Outbox" SET target = jsonb_set(target, '{platformUserId}', to_jsonb($3::text))
         WHERE "workspaceId" = $1::uuid AND status = 'pending' AND target->>'platformUserId' = $2`,
        [workspaceId, from, to],
      );
      if (!target) {
        await tx.query(`UPDATE "Member" SET "platformUserId" = $2, "updatedAt" = now() WHERE id = $1::uuid`, [old.id, to]);
        return;
      }
      const params = [old.id, target.id];
      for (const [table, column] of MEMBER_COLUMNS) await tx.query(`UPDATE "${table}" SET "${column}" = $2::uuid WHERE "${column}" = $1::uuid`, params);
      // Facts kept once per member: the target's copy stands; ledger entries follow to the kept result.
      await tx.query(
        `DELETE FROM "Endorsement" e WHERE e."memberId" = $1::uuid AND EXISTS (SELECT 1 FROM "Endorsement" x WHERE x."nominationId" = e."nominationId" AND x."memberId" = $2::uuid)`,
        params,
      );
      await tx.query(`UPDATE "Endorsement" SET "memberId" = $2::uuid WHERE "memberId" = $1::uuid`, params);
      await tx.query(
        `DELETE FROM "ServiceLevelDay" d WHERE d."memberId" = $1::uuid AND EXISTS (SELECT 1 FROM "ServiceLevelDay" x WHERE x.date = d.date AND x."memberId" = $2::uuid)`,
        params,
      );
      await tx.query(`UPDATE "ServiceLevelDay" SET "memberId" = $2::uuid WHERE "memberId" = $1::uuid`, params);
      await tx.query(
        `UPDATE "PtoLedgerEntry" l SET "periodResultId" = x.id FROM "PeriodResult" r JOIN "PeriodResult" x ON x."periodStart" = r."periodStart" AND x."memberId" = $2::uuid
         WHERE l."periodResultId" = r.id AND r."memberId" = $1::uuid`,
        params,
      );
      await tx.query(
        `DELETE FROM "PeriodResult" r WHERE r."memberId" = $1::uuid AND EXISTS (SELECT 1 FROM "PeriodResult" x WHERE x."periodStart" = r."periodStart" AND x."memberId" = $2::uuid)`,
        params,
      );
      await tx.query(`UPDATE "PeriodResult" SET "memberId" = $2::uuid WHERE "memberId" = $1::uuid`, params);
      await tx.query(`DELETE FROM "Member" WHERE id = $1::uuid`, [old.id]);
    });
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
