// Append-only audit log of lead/admin actions; written inside the transaction of the change it describes.
import { randomUUID } from "node:crypto";
import type { Db } from "./prisma.js";
import { runSql, type SqlRunner } from "./sql-runner.js";

export interface AuditEntry {
  workspaceId: string | null;
  /** Platform user id of who did it, or "system" / "cli". */
  actor: string;
  action: string;
  subject: string;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** The statement that writes one entry, its values appended to `params`; also a part of larger statements. */
export function auditInsert(entry: AuditEntry, params: unknown[]): string {
  const n = params.push(randomUUID(), entry.workspaceId, entry.actor, entry.action, entry.subject, json(entry.before), json(entry.after));
  return `INSERT INTO "AuditLog" (id, "workspaceId", actor, action, subject, before, after)
     VALUES ($${n - 6}::uuid, $${n - 5}::uuid, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}::jsonb, $${n}::jsonb) RETURNING id`;
}

/** Writes one entry in the caller's transaction, raw or Prisma. */
export async function recordAudit(on: SqlRunner, entry: AuditEntry): Promise<void> {
  const params: unknown[] = [];
  await runSql(on, auditInsert(entry, params), params);
}

export class AuditLogRepository {
  constructor(private readonly db: Db) {}

  record(entry: AuditEntry): Promise<void> {
    return recordAudit(this.db, entry);
  }

  list(workspaceId: string, limit = 50) {
    return this.db.auditLog.findMany({ where: { workspaceId }, orderBy: { at: "desc" }, take: limit });
  }
}
