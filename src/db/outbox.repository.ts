// The outbox: chat messages owed to a platform, enqueued in the transaction of the change that caused them and
// claimed by delivery workers with row locks (SKIP LOCKED), so replicas never send the same message twice.
import type { Outbox } from "../generated/prisma/client.js";
import type { Db, Prisma, PrismaClient } from "./prisma.js";

export interface OutboxMessage {
  workspaceId: string;
  /** Where it goes, e.g. { kind: "channel", id: "C123" } or { kind: "dm", userId: "U123" }. */
  target: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** Same key, same message: enqueueing it again is a no-op (Slack retries, double clicks). */
  dedupeKey: string;
}

export class OutboxRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Returns false when a message with this dedupe key already exists. */
  async enqueue(message: OutboxMessage, tx: Db = this.prisma): Promise<boolean> {
    const { count } = await tx.outbox.createMany({
      data: [{ ...message, target: message.target as Prisma.InputJsonValue, payload: message.payload as Prisma.InputJsonValue }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  /** Messages not yet delivered (the outbox depth metric). */
  depth(): Promise<number> {
    return this.prisma.outbox.count({ where: { status: "pending" } });
  }

  /**
   * Claims up to `limit` due messages by pushing their next attempt `leaseMs` into the future: a worker that dies
   * mid-delivery releases them when the lease runs out, and concurrent workers skip rows another one holds.
   */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<Outbox[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    return this.prisma.$queryRaw<Outbox[]>`
      UPDATE "Outbox" SET "nextAttemptAt" = ${leaseUntil}, "attempts" = "attempts" + 1
      WHERE id IN (
        SELECT id FROM "Outbox" WHERE status = 'pending' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt", "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
      )
      RETURNING *`;
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.prisma.outbox.update({ where: { id }, data: { status: "sent", sentAt: at, lastError: null } });
  }

  async markRetry(id: string, error: string, nextAttemptAt: Date): Promise<void> {
    await this.prisma.outbox.update({ where: { id }, data: { lastError: error.slice(0, 2000), nextAttemptAt } });
  }

  /** Gives up on a message the platform will never accept (e.g. channel_not_found); kept for inspection. */
  async markDead(id: string, error: string): Promise<void> {
    await this.prisma.outbox.update({ where: { id }, data: { status: "dead", lastError: error.slice(0, 2000) } });
  }
}
