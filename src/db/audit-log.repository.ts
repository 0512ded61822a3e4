// Append-only audit log of lead/admin actions; written inside the transaction of the change it describes.
import type { Db, Prisma } from "./prisma.js";

export interface AuditEntry {
  workspaceId: string | null;
  /** Platform user id of who did it, or "system" / "cli". */
  actor: string;
  action: string;
  subject: string;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? undefined : (v as Prisma.InputJsonValue));

export class AuditLogRepository {
  constructor(private readonly db: Db) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.auditLog.create({
      data: {
        workspaceId: entry.workspaceId,
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject,
        before: json(entry.before),
        after: json(entry.after),
      },
    });
  }

  list(workspaceId: string, limit = 50) {
    return this.db.auditLog.findMany({ where: { workspaceId }, orderBy: { at: "desc" }, take: limit });
  }
}
