// The outbox: chat messages owed to a platform, enqueued in the transaction of the change that caused them and
// claimed by delivery workers with row locks (SKIP LOCKED), so replicas never send the same message twice.
import type { OutboxEntry, OutboxQueue, PendingMessage } from "../app/ports.js";
import type { Outbox } from "../generated/prisma/client.js";
import type { Database } from "./database.js";
import type { Db, Prisma, PrismaClient } from "./prisma.js";

/**
 * Queues messages due from `at`, in one statement, inside the caller's transaction (the change that owes them). A
 * dedupe key seen before is skipped (Slack retries, double clicks). Returns how many were new.
 */
export async function enqueueOutbox(db: Db, messages: OutboxEntry[], at: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const { count } = await db.outbox.createMany({
    data: messages.map((m) => ({
      ...m,
      target: m.target as Prisma.InputJsonValue,
      payload: m.payload as Prisma.InputJsonValue,
      createdAt: at,
      nextAttemptAt: at,
    })),
    skipDuplicates: true,
  });
  return count;
}

export class OutboxRepository implements OutboxQueue {
  /**
   * `sql` (the raw driver) serves the once-a-second idle check: an idle service then never wakes Prisma's query
   * compiler, a WASM module that stays tens of megabytes resident once loaded (bench/README.md).
   */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Pick<Database, "withSession">,
  ) {}

  async hasDue(now: Date): Promise<boolean> {
    const rows = await this.sql.withSession((s) => s.query(`SELECT 1 FROM "Outbox" WHERE status = 'pending' AND "nextAttemptAt" <= $1 LIMIT 1`, [now]));
    return rows.length > 0;
  }

  /** Messages not yet delivered (the outbox depth metric). */
  depth(): Promise<number> {
    return this.prisma.outbox.count({ where: { status: "pending" } });
  }

  /**
   * Claims up to `limit` due messages by pushing their next attempt `leaseMs` into the future: a worker that dies
   * mid-delivery releases them when the lease runs out, and concurrent workers skip rows another one holds.
   */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<Array<Outbox & PendingMessage>> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    return this.prisma.$queryRaw<Array<Outbox & PendingMessage>>`
      UPDATE "Outbox" SET "nextAttemptAt" = ${leaseUntil}, "attempts" = "attempts" + 1
      WHERE id IN (
        SELECT id FROM "Outbox" WHERE status = 'pending' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt", "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
      )
      RETURNING *`;
  }

  async deliveredRef(dedupeKey: string) {
    const row = await this.prisma.outbox.findUnique({ where: { dedupeKey }, select: { status: true, result: true } });
    return row && { status: row.status, ref: (row.result as Record<string, unknown> | null) ?? null };
  }

  /** On the raw driver: one of these per delivered message made it one of the hottest Prisma statements under load. */
  async markSent(id: string, at: Date, ref: Record<string, unknown> | null = null): Promise<void> {
    const rows = await this.sql.withSession((s) =>
      s.query(`UPDATE "Outbox" SET status = 'sent', "sentAt" = $2, "lastError" = NULL, result = COALESCE($3::jsonb, result) WHERE id = $1::uuid RETURNING id`, [
        id,
        at,
        ref ? JSON.stringify(ref) : null,
      ]),
    );
    // As Prisma's update did: a message that is gone is an error, so the caller does not count it as recorded.
    if (rows.length === 0) throw new Error(`outbox message ${id} not found`);
  }

  async markRetry(id: string, error: string, nextAttemptAt: Date): Promise<void> {
    await this.prisma.outbox.update({ where: { id }, data: { lastError: error.slice(0, 2000), nextAttemptAt } });
  }

  /** Gives up on a message the platform will never accept (e.g. channel_not_found); kept for inspection. */
  async markDead(id: string, error: string): Promise<void> {
    await this.prisma.outbox.update({ where: { id }, data: { status: "dead", lastError: error.slice(0, 2000) } });
  }
}
