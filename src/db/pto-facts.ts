// The reads behind PTO and attendance views: the /pto page, ledger DMs, request posts and the daily post. A
// handful of indexed queries each, whatever the size of the team.

import { daysLeft, periodContaining, periodInstants } from "../domain/period.js";
import { ptoBalance } from "../domain/pto.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { readSettings } from "../domain/settings.js";
import type { LedgerKind } from "../generated/prisma/client.js";
import { type AttendancePostFacts, STREAK_MILESTONES } from "../views/attendance.js";
import type { LedgerDmFacts, PtoFacts, PtoRequestFacts } from "../views/pto.js";
import { eligibleMember } from "./eligibility.js";
import { asDbDate, balanceOf, fromDbDate, num } from "./ledger-values.js";
import { Prisma, type PrismaClient } from "./prisma.js";
import { toPersonRef } from "./records.js";
import { runSql, type SqlRunner } from "./sql-runner.js";

/** How many names the daily post lists before "and N more". */
export const POST_NAMES_MAX = 40;

/**
 * The /pto page in one statement (it was six Prisma queries, a large share of a /pto's CPU under load). Sums and
 * hours come as float8 and dates as text, so PGlite and pg return the same types.
 */
export async function ptoFacts(db: SqlRunner, workspace: WorkspaceRecord, member: MemberRecord, today: string): Promise<PtoFacts> {
  const period = periodContaining(today, workspace.settings.attendancePeriod);
  const [row] = await runSql<{
    balance: number;
    reserved: number;
    streak: number | null;
    points: number;
    ledger: Array<{ hours: number; kind: LedgerKind; reason: string; at: string }>;
    pending: Array<{ requestId: string; date: string; hours: number }>;
  }>(
    db,
    `SELECT
       (SELECT coalesce(sum(hours), 0)::float8 FROM "PtoLedgerEntry" WHERE "memberId" = $1::uuid) AS balance,
       (SELECT coalesce(sum(hours), 0)::float8 FROM "PtoRequest" WHERE "memberId" = $1::uuid AND status = 'pending') AS reserved,
       (SELECT streak FROM "PeriodResult" WHERE "memberId" = $1::uuid ORDER BY "periodStart" DESC LIMIT 1) AS streak,
       (SELECT coalesce(sum(points), 0)::float8 FROM "AttendanceOccurrence"
         WHERE "memberId" = $1::uuid AND "deletedAt" IS NULL AND date >= $2::date AND date < $3::date) AS points,
       (SELECT coalesce(json_agg(l ORDER BY l.at DESC), '[]') FROM (
          SELECT hours::float8 AS hours, kind, reason, "createdAt" AS at FROM "PtoLedgerEntry"
          WHERE "memberId" = $1::uuid ORDER BY "createdAt" DESC LIMIT 10) l) AS ledger,
       (SELECT coalesce(json_agg(r ORDER BY r.date), '[]') FROM (
          SELECT id AS "requestId", date::text AS date, hours::float8 AS hours FROM "PtoRequest"
          WHERE "memberId" = $1::uuid AND status = 'pending' ORDER BY date) r) AS pending`,
    [member.id, period.start, period.end],
  );
  if (!row) throw new Error("the /pto statement returned no row");
  const hpd = workspace.settings.hoursPerPaidDay;
  return {
    member: toPersonRef(member),
    balance: ptoBalance(row.balance, row.reserved, hpd),
    hoursPerPaidDay: hpd,
    streak: row.streak ?? 0,
    pointsThisPeriod: row.points,
    period: { kind: period.kind, start: period.start, end: period.end },
    daysLeft: daysLeft(period, today),
    ledger: row.ledger.map((l) => ({ hours: l.hours, kind: l.kind, reason: l.reason, at: new Date(l.at) })),
    pending: row.pending,
  };
}

export async function ledgerDmFacts(prisma: PrismaClient, entryKey: string): Promise<LedgerDmFacts | null> {
  const entry = await prisma.ptoLedgerEntry.findUnique({ where: { dedupeKey: entryKey }, include: { member: true, workspace: true, periodResult: true } });
  if (!entry) return null;
  const hpd = readSettings(entry.workspace.settings).settings.hoursPerPaidDay;
  // The balance right after this entry, not the one at delivery: after a multi-period close every DM quoted the final
  // balance. Entries of one member are written at distinct instants (closes and corrections add a millisecond each).
  const [{ reserved }, asOf] = await Promise.all([
    balanceOf(prisma, entry.memberId),
    prisma.ptoLedgerEntry.aggregate({ where: { memberId: entry.memberId, createdAt: { lte: entry.createdAt } }, _sum: { hours: true } }),
  ]);
  const after = num(asOf._sum.hours);
  return {
    member: toPersonRef(entry.member),
    entry: { hours: num(entry.hours), kind: entry.kind, reason: entry.reason, at: entry.createdAt },
    streak: entry.periodResult?.streak ?? null,
    balance: ptoBalance(after, reserved, hpd),
    hoursPerPaidDay: hpd,
  };
}

export async function requestFacts(prisma: PrismaClient, id: string): Promise<PtoRequestFacts | null> {
  const r = await prisma.ptoRequest.findUnique({ where: { id }, include: { member: true, workspace: true } });
  if (!r) return null;
  const [decider, { balance, reserved }] = await Promise.all([
    r.decidedBy ? prisma.member.findUnique({ where: { workspaceId_platformUserId: { workspaceId: r.workspaceId, platformUserId: r.decidedBy } } }) : null,
    balanceOf(prisma, r.memberId),
  ]);
  return {
    requestId: r.id,
    member: toPersonRef(r.member),
    date: fromDbDate(r.date),
    hours: num(r.hours),
    note: r.note,
    status: r.status,
    decidedBy: decider ? toPersonRef(decider) : r.decidedBy ? { platformUserId: r.decidedBy, displayName: r.decidedBy } : null,
    balance: ptoBalance(balance, reserved, readSettings(r.workspace.settings).settings.hoursPerPaidDay),
  };
}

/**
 * The daily attendance post: the roll of a period that closed (`closed`), else progress in the current period and
 * current streak milestones. Counts are aggregates in SQL; names are capped at POST_NAMES_MAX.
 */
export async function attendancePostFacts(
  prisma: PrismaClient,
  workspace: WorkspaceRecord,
  date: string,
  closed: { start: string; end: string } | null,
): Promise<AttendancePostFacts> {
  const period = periodContaining(date, workspace.settings.attendancePeriod);
  const instants = periodInstants(period, workspace.timezone);
  const [progress] = await prisma.$queryRaw<Array<{ of: number; atZero: number }>>`
    SELECT count(*)::int AS "of",
      count(*) FILTER (WHERE NOT EXISTS (
        SELECT 1 FROM "AttendanceOccurrence" o WHERE o."memberId" = m.id AND o."deletedAt" IS NULL AND o.points > 0
          AND o.date >= ${asDbDate(period.start)} AND o.date < ${asDbDate(period.end)}))::int AS "atZero"
    FROM "Member" m
    WHERE m."workspaceId" = ${workspace.id}::uuid AND ${Prisma.raw(eligibleMember("m", instants))}`;
  const base = { date, progress: { atZero: progress?.atZero ?? 0, of: progress?.of ?? 0, daysLeft: daysLeft(period, date), periodKind: period.kind } };
  if (closed) {
    const where = { workspaceId: workspace.id, periodStart: asDbDate(closed.start), clean: true, member: { active: true } };
    const [rows, count] = await Promise.all([
      prisma.periodResult.findMany({
        where,
        include: { member: true },
        orderBy: [{ streak: "desc" }, { member: { displayName: "asc" } }],
        take: POST_NAMES_MAX,
      }),
      prisma.periodResult.count({ where }),
    ]);
    return {
      ...base,
      closed: {
        start: closed.start,
        end: closed.end,
        perfect: rows.map((r) => ({ person: toPersonRef(r.member), hours: num(r.hoursCredited), streak: r.streak })),
        more: Math.max(0, count - rows.length),
      },
      milestones: [],
    };
  }
  const milestones = await prisma.$queryRaw<Array<{ platformUserId: string; displayName: string; streak: number }>>`
    SELECT m."platformUserId", m."displayName", r.streak
    FROM "Member" m
    JOIN LATERAL (SELECT streak FROM "PeriodResult" r WHERE r."memberId" = m.id ORDER BY r."periodStart" DESC LIMIT 1) r ON true
    WHERE m."workspaceId" = ${workspace.id}::uuid AND m.active AND r.streak = ANY(${[...STREAK_MILESTONES]})
    ORDER BY r.streak DESC, m."displayName" LIMIT ${POST_NAMES_MAX}`;
  return { ...base, closed: null, milestones: milestones.map((m) => ({ person: toPersonRef(m), streak: m.streak })) };
}
