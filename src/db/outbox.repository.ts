// The outbox: chat messages owed to a platform, enqueued in the transaction of the change that caused them and
// claimed by delivery workers with row locks (SKIP LOCKED), so replicas never send the same message twice.

import { randomUUID } from "node:crypto";
import type { OutboxQueue, PendingMessage } from "../app/outbox.ports.js";
import type { OutboxEntry } from "../app/outbox-messages.js";
import type { Outbox } from "../generated/prisma/client.js";
import type { Database } from "./database.js";
import { runSql, type SqlRunner } from "./sql-runner.js";

/**
 * The statement that queues messages due from `at`, its values appended to `params`: a dedupe key seen before is
 * skipped (Slack retries, double clicks). Also a part of larger statements (a score's writes, in one round trip).
 */
export function outboxInsert(messages: OutboxEntry[], at: Date, params: unknown[]): string {
  const atParam = `$${params.push(at)}::timestamptz`;
  const rows = messages.map((m) => {
    const n = params.push(randomUUID(), m.workspaceId, JSON.stringify(m.target), JSON.stringify(m.payload), m.dedupeKey);
    return `($${n - 4}::uuid, $${n - 3}::uuid, $${n - 2}::jsonb, $${n - 1}::jsonb, $${n}, ${atParam}, ${atParam})`;
  });
  return `INSERT INTO "Outbox" (id, "workspaceId", target, payload, "dedupeKey", "createdAt", "nextAttemptAt") VALUES ${rows.join(", ")}
     ON CONFLICT ("dedupeKey") DO NOTHING RETURNING id`;
}

/**
 * Queues messages inside the caller's transaction (the change that owes them), raw or Prisma. Returns how many were
 * new.
 */
export async function enqueueOutbox(db: SqlRunner, messages: OutboxEntry[], at: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const params: unknown[] = [];
  return (await runSql(db, outboxInsert(messages, at, params), params)).length;
}

export class OutboxRepository implements OutboxQueue {
  /**
   * The idle check, claims and receipts run on the raw driver: an idle service then never wakes Prisma's query
   * compiler (a WASM module that stays tens of megabytes resident once loaded), and delivery under load costs about a
   * third of the CPU (bench/README.md).
   */
  constructor(private readonly db: Database) {}

  async hasDue(now: Date): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM "Outbox" WHERE status = 'pending' AND "nextAttemptAt" <= $1 LIMIT 1`, [now]);
    return rows.length > 0;
  }

  /** Messages not yet delivered (the outbox depth metric). */
  depth(): Promise<number> {
    return this.db.prisma.outbox.count({ where: { status: "pending" } });
  }

  /**
   * Claims up to `limit` due messages by pushing their next attempt `leaseMs` into the future: a worker that dies
   * mid-delivery releases them when the lease runs out, and concurrent workers skip rows another one holds.
   */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<Array<Outbox & PendingMessage>> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    return this.db.query<Outbox & PendingMessage>(
      `UPDATE "Outbox" SET "nextAttemptAt" = $1, "attempts" = "attempts" + 1
       WHERE id IN (
         SELECT id FROM "Outbox" WHERE status = 'pending' AND "nextAttemptAt" <= $2
         ORDER BY "nextAttemptAt", "createdAt" LIMIT $3 FOR UPDATE SKIP LOCKED
       )
       RETURNING *`,
      [leaseUntil, now, limit],
    );
  }

  async deliveredRef(dedupeKey: string) {
    const [row] = await this.db.query<{ status: Outbox["status"]; result: Record<string, unknown> | null }>(
      `SELECT status, result FROM "Outbox" WHERE "dedupeKey" = $1`,
      [dedupeKey],
    );
    return row ? { status: row.status, ref: row.result ?? null } : null;
  }

  async markSent(id: string, at: Date, ref: Record<string, unknown> | null = null): Promise<void> {
    const rows = await this.db.query(
      `UPDATE "Outbox" SET status = 'sent', "sentAt" = $2, "lastError" = NULL, result = COALESCE($3::jsonb, result) WHERE id = $1::uuid RETURNING id`,
      [id, at, ref ? JSON.stringify(ref) : null],
    );
    // As Prisma's update did: a message that is gone is an error, so the caller does not count it as recorded.
    if (rows.length === 0) throw new Error(`outbox message ${id} not found`);
  }

  async markRetry(id: string, error: string, nextAttemptAt: Date): Promise<void> {
    await this.db.prisma.outbox.update({ where: { id }, data: { lastError: error.slice(0, 2000), nextAttemptAt } });
  }

  /** Gives up on a message the platform will never accept (e.g. channel_not_found); kept for inspection. */
  async markDead(id: string, error: string): Promise<void> {
    await this.db.prisma.outbox.update({ where: { id }, data: { status: "dead", lastError: error.slice(0, 2000) } });
  }
}
