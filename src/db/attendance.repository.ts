// Attendance, period results, the PTO ledger and paid-day requests on Prisma. Per-member changes run in one
// transaction holding the member's row lock; the period close is set-based, a batch of members per transaction.
import { randomUUID } from "node:crypto";
import type { AttendanceStore, CloseCandidate, ClosedMember, MemberLedgerTx } from "../app/attendance.ports.js";
import type { OutboxEntry, OutboxTarget } from "../app/outbox-messages.js";
import { ledgerKey, outboxKey, outboxMessage } from "../app/outbox-messages.js";
import type { OccurrenceType } from "../domain/attendance.js";
import type { MemberRecord, OccurrenceRecord, PeriodResultRecord, PtoRequestRecord, WorkspaceRecord } from "../domain/records.js";
import type { AttendanceOccurrence, PeriodResult, PtoRequest } from "../generated/prisma/client.js";
import { AuditLogRepository } from "./audit-log.repository.js";
import { eligibleMember } from "./eligibility.js";
import { asDbDate, fromDbDate, ledgerBalance, num, pendingHours } from "./ledger-values.js";
import { enqueueOutbox } from "./outbox.repository.js";
import { type Db, Prisma, type PrismaClient } from "./prisma.js";
import { ptoFacts } from "./pto-facts.js";
import { isUuid } from "./records.js";

/** A period's close is a JobRun of this job, keyed "<workspace>:<start>:<end>" (ISO dates, so keys sort by date). */
export const PERIOD_CLOSE_JOB = "period-close";
const closeKey = (workspaceId: string, p: { start: string; end: string }) => `${workspaceId}:${p.start}:${p.end}`;
function periodOfCloseKey(key: string): { start: string; end: string } {
  const [, start = "", end = ""] = key.split(":");
  return { start, end };
}

export function toOccurrenceRecord(o: AttendanceOccurrence): OccurrenceRecord {
  return {
    id: o.id,
    workspaceId: o.workspaceId,
    memberId: o.memberId,
    date: fromDbDate(o.date),
    type: o.type as OccurrenceType,
    points: num(o.points),
    note: o.note,
    recordedBy: o.recordedBy,
    createdAt: o.createdAt,
  };
}

export function toPeriodResultRecord(r: PeriodResult): PeriodResultRecord {
  return {
    id: r.id,
    memberId: r.memberId,
    periodStart: fromDbDate(r.periodStart),
    periodEnd: fromDbDate(r.periodEnd),
    points: num(r.points),
    clean: r.clean,
    streak: r.streak,
    hoursCredited: num(r.hoursCredited),
  };
}

export function toPtoRequestRecord(r: PtoRequest): PtoRequestRecord {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    memberId: r.memberId,
    date: fromDbDate(r.date),
    hours: num(r.hours),
    status: r.status,
    note: r.note,
    decidedBy: r.decidedBy,
  };
}

function memberLedgerTx(tx: Prisma.TransactionClient): MemberLedgerTx {
  const live = { deletedAt: null };
  return {
    async occurrencesOn(memberId, date) {
      const rows = await tx.attendanceOccurrence.findMany({ where: { memberId, date: asDbDate(date), ...live }, orderBy: { createdAt: "asc" } });
      return rows.map(toOccurrenceRecord);
    },
    async createOccurrence(data) {
      return toOccurrenceRecord(await tx.attendanceOccurrence.create({ data: { ...data, date: asDbDate(data.date) } }));
    },
    async findOccurrence(id) {
      const o = await tx.attendanceOccurrence.findUnique({ where: { id } });
      return o && { ...toOccurrenceRecord(o), deleted: o.deletedAt !== null };
    },
    async deleteOccurrence(id, by, at) {
      await tx.attendanceOccurrence.update({ where: { id }, data: { deletedAt: at, deletedBy: by } });
    },
    async resultCovering(memberId, date) {
      const r = await tx.periodResult.findFirst({
        where: { memberId, periodStart: { lte: asDbDate(date) }, periodEnd: { gt: asDbDate(date) } },
      });
      return r && toPeriodResultRecord(r);
    },
    async pointsBetween(memberId, start, end) {
      const sum = await tx.attendanceOccurrence.aggregate({
        where: { memberId, ...live, date: { gte: asDbDate(start), lt: asDbDate(end) } },
        _sum: { points: true },
      });
      return num(sum._sum.points);
    },
    async streakBefore(memberId, start) {
      const r = await tx.periodResult.findFirst({ where: { memberId, periodStart: { lt: asDbDate(start) } }, orderBy: { periodStart: "desc" } });
      return r?.streak ?? 0;
    },
    async resultsAfter(memberId, start) {
      const rows = await tx.periodResult.findMany({ where: { memberId, periodStart: { gt: asDbDate(start) } }, orderBy: { periodStart: "asc" } });
      return rows.map(toPeriodResultRecord);
    },
    async updateResult(id, patch) {
      await tx.periodResult.update({ where: { id }, data: patch });
    },
    balance: (memberId) => ledgerBalance(tx, memberId),
    reserved: (memberId) => pendingHours(tx, memberId),
    async addLedger(entry, at) {
      const { count } = await tx.ptoLedgerEntry.createMany({ data: [{ ...entry, createdAt: at }], skipDuplicates: true });
      return count === 1;
    },
    async hasRequestOn(memberId, date) {
      return (await tx.ptoRequest.count({ where: { memberId, date: asDbDate(date), status: { in: ["pending", "approved"] } } })) > 0;
    },
    async createRequest(data, at) {
      return toPtoRequestRecord(await tx.ptoRequest.create({ data: { ...data, date: asDbDate(data.date), createdAt: at } }));
    },
    async findRequest(id) {
      const r = await tx.ptoRequest.findUnique({ where: { id } });
      return r && toPtoRequestRecord(r);
    },
    async decideRequest(id, status, by, at) {
      await tx.ptoRequest.update({ where: { id }, data: { status, decidedBy: by, decidedAt: at } });
    },
    async requestPostKeys(requestId) {
      const rows = await tx.outbox.findMany({ where: { dedupeKey: { startsWith: outboxKey.requestPosts(requestId) } }, select: { dedupeKey: true } });
      return rows.map((r) => r.dedupeKey);
    },
    async enqueue(entries, at) {
      await enqueueOutbox(tx, entries, at);
    },
    async audit(entry) {
      await new AuditLogRepository(tx).record(entry);
    },
  };
}

export class AttendanceRepository implements AttendanceStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** One member's attendance, ledger and requests change one at a time: rules like "one absence a day" and "no double
   * spending" read, then write. Interactive changes keep Prisma's 5 s transaction limit. */
  inMemberLock<T>(memberId: string, fn: (tx: MemberLedgerTx) => Promise<T>): Promise<T> {
    return this.locked([memberId], fn);
  }

  /** A whole import file is one transaction: a few queries per row, far beyond the 5 s limit for big files. */
  inMembersLock<T>(memberIds: string[], fn: (tx: MemberLedgerTx) => Promise<T>): Promise<T> {
    return this.locked([...new Set(memberIds)], fn, 10 * 60_000);
  }

  private locked<T>(ids: string[], fn: (tx: MemberLedgerTx) => Promise<T>, timeout?: number): Promise<T> {
    return this.prisma.$transaction(
      async (tx) => {
        // Locked in id order (the sort sits below the row locking in the plan), as the period close locks its batches,
        // so two writers over overlapping members queue instead of deadlocking.
        if (ids.length) await tx.$queryRaw`SELECT id FROM "Member" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
        return fn(memberLedgerTx(tx));
      },
      timeout ? { timeout } : undefined,
    );
  }

  async findRequestByKey(requestKey: string) {
    const r = await this.prisma.ptoRequest.findUnique({ where: { requestKey } });
    return r && toPtoRequestRecord(r);
  }

  async findRequest(id: string) {
    if (!isUuid(id)) return null;
    const r = await this.prisma.ptoRequest.findUnique({ where: { id } });
    return r && toPtoRequestRecord(r);
  }

  ptoFacts(workspace: WorkspaceRecord, member: MemberRecord, today: string) {
    return ptoFacts(this.prisma, workspace, member, today);
  }

  async closedBetween(workspaceId: string, from: Date, to: Date) {
    const runs = await this.prisma.jobRun.findMany({
      where: { job: PERIOD_CLOSE_JOB, key: { startsWith: `${workspaceId}:` }, finishedAt: { gte: from, lt: to } },
      orderBy: { key: "asc" },
    });
    return runs.map((r) => periodOfCloseKey(r.key));
  }

  async enqueue(entries: OutboxEntry[], at: Date) {
    await enqueueOutbox(this.prisma, entries, at);
  }

  async findOccurrence(id: string) {
    if (!isUuid(id)) return null;
    const o = await this.prisma.attendanceOccurrence.findUnique({ where: { id } });
    return o && toOccurrenceRecord(o);
  }

  async recentOccurrences(memberId: string, from: string, limit: number) {
    const rows = await this.prisma.attendanceOccurrence.findMany({
      where: { memberId, deletedAt: null, date: { gte: asDbDate(from) } },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      take: limit,
    });
    return rows.map(toOccurrenceRecord);
  }

  /**
   * One batch of the period close, in one transaction: the next `limit` members not yet evaluated are locked (the lock
   * every per-member change takes, so an occurrence recorded at the same moment lands either before this read, and
   * counts, or after the result exists, and is corrected), read, evaluated by `evaluate`, and written.
   */
  closeBatch(
    workspace: WorkspaceRecord,
    period: { start: string; end: string },
    instants: { startsAt: Date; endsAt: Date },
    limit: number,
    after: string | null,
    evaluate: (candidates: CloseCandidate[]) => ClosedMember[],
    at: Date,
  ): Promise<{ seen: number; last: string | null; written: number }> {
    const start = asDbDate(period.start);
    const end = asDbDate(period.end);
    return this.prisma.$transaction(
      async (tx) => {
        // The "already evaluated" test is a per-member probe, on purpose. Written as a plain NOT EXISTS, PostgreSQL
        // turns it into an anti join, and at every close its statistics say no result reaches past the period start
        // yet (the results being written are newer than the last ANALYZE): it then rescans every result written so far
        // for each member, a cost that grows with the square of the workspace (bench/README.md: 50,000 members took
        // minutes). OFFSET 0 keeps the subquery a probe of the (memberId, periodStart) index, whatever the statistics say.
        const locked = await tx.$queryRaw<Array<{ id: string }>>`
          SELECT m.id FROM "Member" m
          WHERE m."workspaceId" = ${workspace.id}::uuid AND ${Prisma.raw(eligibleMember("m", instants))}
            AND m.id > ${after ?? "00000000-0000-0000-0000-000000000000"}::uuid
            AND NOT EXISTS (SELECT 1 FROM "PeriodResult" r WHERE r."memberId" = m.id AND r."periodEnd" > ${start} OFFSET 0)
          ORDER BY m.id
          LIMIT ${limit}
          FOR UPDATE OF m`;
        if (locked.length === 0) return { seen: 0, last: null, written: 0 };
        const ids = locked.map((r) => r.id);
        // A statement of its own after the locks, so it sees whatever a change that held one of them committed.
        const candidates = await tx.$queryRaw<CloseCandidate[]>`
          SELECT m.id AS "memberId", m."platformUserId",
            COALESCE((SELECT sum(o.points) FROM "AttendanceOccurrence" o
                      WHERE o."memberId" = m.id AND o."deletedAt" IS NULL AND o.date >= ${start} AND o.date < ${end}), 0)::float8 AS points,
            COALESCE((SELECT r.streak FROM "PeriodResult" r WHERE r."memberId" = m.id ORDER BY r."periodStart" DESC LIMIT 1), 0)::int AS "previousStreak",
            COALESCE((SELECT sum(l.hours) FROM "PtoLedgerEntry" l WHERE l."memberId" = m.id), 0)::float8 AS balance
          FROM "Member" m WHERE m.id = ANY(${ids}::uuid[])
          ORDER BY m.id`;
        const written = await writeClose(tx, workspace, period, evaluate(candidates), at);
        return { seen: ids.length, last: ids[ids.length - 1] ?? null, written };
      },
      { timeout: 120_000 },
    );
  }

  async lastClosedPeriod(workspaceId: string) {
    // The greatest key is the latest period.
    const run = await this.prisma.jobRun.findFirst({
      where: { job: PERIOD_CLOSE_JOB, key: { startsWith: `${workspaceId}:` }, finishedAt: { not: null } },
      orderBy: { key: "desc" },
    });
    return run && periodOfCloseKey(run.key);
  }

  async markPeriodClosed(workspaceId: string, period: { start: string; end: string }, at: Date) {
    const key = closeKey(workspaceId, period);
    await this.prisma.jobRun.upsert({
      where: { job_key: { job: PERIOD_CLOSE_JOB, key } },
      create: { job: PERIOD_CLOSE_JOB, key, startedAt: at, finishedAt: at },
      update: { finishedAt: at },
    });
  }
}

/**
 * One statement per batch: writes the period results, then a credit and an accrual DM for each result written with hours.
 * A single statement is atomic like the transaction it replaces, and it costs one round trip. The members travel as
 * a few arrays (one per column): through Prisma's createMany they were objects its query compiler went through one
 * by one, which took most of the time of the close (bench/README.md). Duplicates are skipped as createMany's
 * skipDuplicates does (ON CONFLICT DO NOTHING): a member another worker wrote first gets no second credit.
 */
/**
 * One statement per batch: writes the period results, then a credit and an accrual DM for each result written with hours.
 * A single statement is atomic like the transaction it replaces, and it costs one round trip. The members travel as
 * a few arrays (one per column): through Prisma's createMany they were objects its query compiler went through one
 * by one, which took most of the time of the close (bench/README.md). Duplicates are skipped as createMany's
 * skipDuplicates does (ON CONFLICT DO NOTHING): a member another worker wrote first gets no second credit. Result ids,
 * keys and messages are made here, not in the SQL, by the one module that makes every key (outbox-messages.ts).
 */
async function writeClose(db: Db, workspace: WorkspaceRecord, period: { start: string; end: string }, members: ClosedMember[], at: Date): Promise<number> {
  if (members.length === 0) return 0;
  const rows = members.map((m) => {
    const resultId = randomUUID();
    const entryKey = ledgerKey.closeCredit(resultId);
    return {
      ...m,
      resultId,
      entryKey,
      dmKey: outboxKey.ledgerDm(entryKey),
      target: JSON.stringify({ kind: "dm", platformUserId: m.platformUserId } satisfies OutboxTarget),
      payload: JSON.stringify(outboxMessage.ledgerDm(entryKey)),
      reason: creditReason(period, m),
    };
  });
  const column = <T>(pick: (m: (typeof rows)[number]) => T) => rows.map(pick);
  const atIso = at.toISOString();
  const [row] = await db.$queryRaw<Array<{ written: number }>>`
    WITH batch AS (
      SELECT * FROM unnest(${column((m) => m.resultId)}::uuid[], ${column((m) => m.memberId)}::uuid[], ${column((m) => m.points)}::numeric[],
                           ${column((m) => m.clean)}::boolean[], ${column((m) => m.streak)}::int[], ${column((m) => m.hours)}::numeric[],
                           ${column((m) => m.capNote)}::text[], ${column((m) => m.reason)}::text[], ${column((m) => m.entryKey)}::text[],
                           ${column((m) => m.dmKey)}::text[], ${column((m) => m.target)}::jsonb[], ${column((m) => m.payload)}::jsonb[])
        AS b("resultId", "memberId", points, clean, streak, hours, note, reason, "entryKey", "dmKey", target, payload)
    ),
    written AS (
      INSERT INTO "PeriodResult" (id, "workspaceId", "memberId", "periodStart", "periodEnd", points, clean, streak, "hoursCredited", note, "closedAt")
      SELECT b."resultId", ${workspace.id}::uuid, b."memberId", ${period.start}::date, ${period.end}::date, b.points, b.clean, b.streak, b.hours,
             b.note, ${atIso}::timestamptz
      FROM batch b
      ON CONFLICT DO NOTHING
      RETURNING id
    ),
    credits AS (
      SELECT b.* FROM written w JOIN batch b ON b."resultId" = w.id WHERE b.hours > 0
    ),
    ledger AS (
      INSERT INTO "PtoLedgerEntry" (id, "workspaceId", "memberId", hours, kind, reason, actor, "periodResultId", "dedupeKey", "createdAt")
      SELECT gen_random_uuid(), ${workspace.id}::uuid, c."memberId", c.hours, 'credit', c.reason, 'system', c."resultId", c."entryKey", ${atIso}::timestamptz
      FROM credits c
      ON CONFLICT DO NOTHING
    ),
    dms AS (
      INSERT INTO "Outbox" (id, "workspaceId", target, payload, "dedupeKey", "createdAt", "nextAttemptAt")
      SELECT gen_random_uuid(), ${workspace.id}::uuid, c.target, c.payload, c."dmKey", ${atIso}::timestamptz, ${atIso}::timestamptz
      FROM credits c
      ON CONFLICT DO NOTHING
    )
    SELECT count(*)::int AS written FROM written`;
  return row?.written ?? 0;
}

function creditReason(period: { start: string; end: string }, m: ClosedMember): string {
  const base = `clean period ${period.start} to ${period.end}, streak ${m.streak}`;
  return m.capNote ? `${base} (${m.capNote})` : base;
}
