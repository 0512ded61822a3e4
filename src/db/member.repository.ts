// Members of a workspace, keyed by platform user id, with their role.
import type { Role } from "../domain/roles.js";
import type { Member } from "../generated/prisma/client.js";
import { AuditLogRepository } from "./audit-log.repository.js";
import type { Db, PrismaClient } from "./prisma.js";

export interface MemberProfile {
  workspaceId: string;
  platformUserId: string;
  displayName: string;
  email?: string | null;
  timezone?: string | null;
  active?: boolean;
}

export class MemberRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Creates the member with `initialRole`, or refreshes the profile of a known one (its role is kept). */
  upsert(profile: MemberProfile, initialRole: Role = "agent", tx: Db = this.prisma): Promise<Member> {
    const { workspaceId, platformUserId, ...rest } = profile;
    return tx.member.upsert({
      where: { workspaceId_platformUserId: { workspaceId, platformUserId } },
      create: { workspaceId, platformUserId, ...rest, role: initialRole },
      update: rest,
    });
  }

  find(workspaceId: string, platformUserId: string) {
    return this.prisma.member.findUnique({ where: { workspaceId_platformUserId: { workspaceId, platformUserId } } });
  }

  listByRole(workspaceId: string, roles: Role[]) {
    return this.prisma.member.findMany({ where: { workspaceId, role: { in: roles }, active: true }, orderBy: { displayName: "asc" } });
  }

  /** Changes a role and audit-logs it in one transaction. Returns null when the member is unknown. */
  async setRole(workspaceId: string, platformUserId: string, role: Role, actor: string): Promise<Member | null> {
    return this.prisma.$transaction(async (tx) => {
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
      return after;
    });
  }
}
