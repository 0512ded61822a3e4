// Ingest API tokens on Prisma: only hashes are stored; creation and revocation are audit-logged in their transaction.
import type { ApiTokenRecord, ApiTokenStore } from "../app/api-tokens.js";
import type { ApiToken } from "../generated/prisma/client.js";
import { AuditLogRepository } from "./audit-log.repository.js";
import type { PrismaClient } from "./prisma.js";

const toRecord = (t: ApiToken, createdByName = t.createdBy): ApiTokenRecord => ({
  id: t.id,
  workspaceId: t.workspaceId,
  name: t.name,
  prefix: t.prefix,
  createdBy: t.createdBy,
  createdByName,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

export class ApiTokenRepository implements ApiTokenStore {
  constructor(private readonly prisma: PrismaClient) {}

  create(input: { workspaceId: string; name: string; hash: string; prefix: string; createdBy: string; at: Date }) {
    return this.prisma.$transaction(async (tx) => {
      // Serialise token changes per workspace, so two admins cannot both create the same name.
      await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${input.workspaceId}::uuid FOR UPDATE`;
      const taken = await tx.apiToken.count({ where: { workspaceId: input.workspaceId, name: input.name, revokedAt: null } });
      if (taken) return "name-taken" as const;
      const token = await tx.apiToken.create({
        data: { workspaceId: input.workspaceId, name: input.name, hash: input.hash, prefix: input.prefix, createdBy: input.createdBy, createdAt: input.at },
      });
      await new AuditLogRepository(tx).record({
        workspaceId: input.workspaceId,
        actor: input.createdBy,
        action: "token.create",
        subject: `token:${token.id}`,
        after: { name: token.name, prefix: token.prefix },
      });
      return toRecord(token);
    });
  }

  async list(workspaceId: string) {
    const rows = await this.prisma.apiToken.findMany({
      where: { workspaceId },
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    });
    // Creators are named: a Teams actor is an AAD object id no one can read.
    const creators = await this.prisma.member.findMany({
      where: { workspaceId, platformUserId: { in: [...new Set(rows.map((r) => r.createdBy))] } },
      select: { platformUserId: true, displayName: true },
    });
    const names = new Map(creators.map((m) => [m.platformUserId, m.displayName]));
    return rows.map((r) => toRecord(r, names.get(r.createdBy)));
  }

  revoke(workspaceId: string, name: string, by: string, at: Date) {
    return this.prisma.$transaction(async (tx) => {
      const token = await tx.apiToken.findFirst({ where: { workspaceId, name, revokedAt: null } });
      if (!token) return null;
      const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: at, revokedBy: by } });
      await new AuditLogRepository(tx).record({
        workspaceId,
        actor: by,
        action: "token.revoke",
        subject: `token:${token.id}`,
        before: { name: token.name, prefix: token.prefix },
        after: { revokedAt: at.toISOString() },
      });
      return toRecord(revoked);
    });
  }

  async findByHash(hash: string) {
    const token = await this.prisma.apiToken.findUnique({ where: { hash } });
    return token && { ...toRecord(token), hash: token.hash };
  }

  async touch(id: string, at: Date, since: Date) {
    await this.prisma.apiToken.updateMany({ where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: since } }] }, data: { lastUsedAt: at } });
  }
}
