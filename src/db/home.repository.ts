// The queries behind a member's own page, in a handful of indexed reads.
import type { HomeStore } from "../app/home.ports.js";
import { type FeedbackTallies, figuresOf } from "../domain/feedback.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { type HomeFacts, type ServiceLevelFacts, serviceLevelPercent, type TeamGlance } from "../views/home.js";
import { inProgramme } from "./eligibility.js";
import { TALLIES } from "./feedback.repository.js";
import { Prisma, type PrismaClient } from "./prisma.js";
import { toPersonRef } from "./records.js";

/** Names each list of a team's glance shows (then "and N more"). */
const GLANCE_MAX = 5;

export class HomeRepository implements HomeStore {
  constructor(private readonly prisma: PrismaClient) {}

  async facts(workspace: WorkspaceRecord, member: MemberRecord, since: Date): Promise<HomeFacts> {
    const received = { nomineeId: member.id, status: "active" as const };
    const current = { agentId: member.id, supersededById: null };
    const goal = workspace.settings.scoreGoal;
    const [recent, wows, seconds, scores, metGoal, notes, voice] = await Promise.all([
      this.prisma.nomination.findMany({
        where: received,
        orderBy: { createdAt: "desc" },
        take: 5,
        include: { nominator: true, _count: { select: { endorsements: true } } },
      }),
      this.prisma.nomination.count({ where: { ...received, createdAt: { gte: since } } }),
      this.prisma.endorsement.count({ where: { nomination: received, createdAt: { gte: since } } }),
      this.prisma.quickScore.aggregate({ where: { ...current, createdAt: { gte: since } }, _avg: { score: true }, _count: true }),
      this.prisma.quickScore.count({ where: { ...current, createdAt: { gte: since }, score: { gte: goal } } }),
      this.prisma.quickScore.findMany({ where: { ...current, note: { not: null } }, orderBy: { createdAt: "desc" }, take: 3, include: { scorer: true } }),
      this.prisma.$queryRawUnsafe<FeedbackTallies[]>(
        `SELECT ${TALLIES} FROM "CustomerFeedback" WHERE "memberId" = $1::uuid AND "receivedAt" >= $2`,
        member.id,
        since,
      ),
    ]);
    return {
      member: toPersonRef(member),
      recentWows: recent.map((n) => ({
        nominationId: n.id,
        from: toPersonRef(n.nominator),
        story: n.story,
        reference: n.reference,
        seconds: n._count.endorsements,
        at: n.createdAt,
      })),
      wowsLast30Days: wows,
      secondsLast30Days: seconds,
      scoresLast30Days: { count: scores._count, average: scores._avg.score === null ? null : Math.round(scores._avg.score), metGoal },
      feedbackLast30Days: figuresOf(voice[0] ?? { csatCount: 0, csatSatisfied: 0, npsCount: 0, promoters: 0, detractors: 0 }),
      latestNotes: notes.map((s) => ({ scorer: toPersonRef(s.scorer), reference: s.reference, score: s.score, note: s.note ?? "", at: s.createdAt })),
      goal,
    };
  }

  async serviceLevel(
    workspace: WorkspaceRecord,
    member: MemberRecord,
    window: { from: string; to: string; since: Date; until: Date },
  ): Promise<ServiceLevelFacts> {
    const threshold = workspace.settings.idleChatThresholdSeconds;
    const [level, idle] = await Promise.all([
      this.prisma.serviceLevelDay.aggregate({
        where: { memberId: member.id, date: { gte: new Date(`${window.from}T00:00:00Z`), lte: new Date(`${window.to}T00:00:00Z`) } },
        _sum: { customerFacingSeconds: true, availableSeconds: true },
        _count: true,
      }),
      this.prisma.chatSession.aggregate({
        where: { memberId: member.id, agentClosedAt: { gte: window.since, lt: window.until }, idleSeconds: { gt: threshold } },
        _max: { idleSeconds: true },
        _count: true,
      }),
    ]);
    const customerFacingSeconds = level._sum.customerFacingSeconds ?? 0;
    const availableSeconds = level._sum.availableSeconds ?? 0;
    return {
      from: window.from,
      to: window.to,
      days: level._count,
      customerFacingSeconds,
      availableSeconds,
      percent: serviceLevelPercent(customerFacingSeconds, availableSeconds),
      target: workspace.settings.serviceLevelTarget,
      idleChats: { count: idle._count, thresholdSeconds: threshold, longestSeconds: idle._max.idleSeconds },
    };
  }

  async teamsAtAGlance(
    workspace: WorkspaceRecord,
    leadId: string,
    window: { periodStart: string; periodEnd: string; periodName: string; recognisedSince: Date },
  ): Promise<TeamGlance[]> {
    type Row = { team: string; uid: string; name: string; total: number };
    const teams = await this.prisma.$queryRaw<Array<{ id: string; name: string; agents: number }>>`
      SELECT t.id::text AS id, t.name,
        (SELECT count(*) FROM "TeamMembership" a WHERE a."teamId" = t.id AND a.role = 'member' AND a."to" IS NULL)::int AS agents
      FROM "Team" t JOIN "TeamMembership" l ON l."teamId" = t.id AND l.role = 'lead' AND l."to" IS NULL AND l."memberId" = ${leadId}::uuid
      WHERE t."deletedAt" IS NULL ORDER BY t.name`;
    if (teams.length === 0) return [];
    const ids = teams.map((t) => t.id);
    const start = new Date(`${window.periodStart}T00:00:00Z`);
    const end = new Date(`${window.periodEnd}T00:00:00Z`);
    // Each list ranked per team and cut to GLANCE_MAX in SQL, with the team's total beside every row.
    const [atRisk, pending, unrecognised] = await Promise.all([
      this.prisma.$queryRaw<Array<Row & { points: number }>>`
        SELECT * FROM (
          SELECT x."teamId"::text AS team, m."platformUserId" AS uid, m."displayName" AS name, sum(o.points)::float8 AS points,
            count(*) OVER (PARTITION BY x."teamId")::int AS total, row_number() OVER (PARTITION BY x."teamId" ORDER BY sum(o.points) DESC, m."displayName") AS n
          FROM "TeamMembership" x JOIN "Member" m ON m.id = x."memberId"
            JOIN "AttendanceOccurrence" o ON o."memberId" = m.id AND o."deletedAt" IS NULL AND o.date >= ${start} AND o.date < ${end}
          WHERE x."teamId" = ANY(${ids}::uuid[]) AND x.role = 'member' AND x."to" IS NULL AND m.active
          GROUP BY x."teamId", m.id HAVING sum(o.points) >= ${workspace.settings.riskThresholdPoints}) r
        WHERE r.n <= ${GLANCE_MAX}`,
      this.prisma.$queryRaw<Array<Row & { date: string }>>`
        SELECT * FROM (
          SELECT x."teamId"::text AS team, m."platformUserId" AS uid, m."displayName" AS name, to_char(r.date, 'YYYY-MM-DD') AS date,
            count(*) OVER (PARTITION BY x."teamId")::int AS total, row_number() OVER (PARTITION BY x."teamId" ORDER BY r.date, m."displayName") AS n
          FROM "PtoRequest" r JOIN "TeamMembership" x ON x."memberId" = r."memberId" AND x.role = 'member' AND x."to" IS NULL
            JOIN "Member" m ON m.id = r."memberId"
          WHERE x."teamId" = ANY(${ids}::uuid[]) AND r.status = 'pending') p
        WHERE p.n <= ${GLANCE_MAX}`,
      this.prisma.$queryRaw<Row[]>`
        SELECT * FROM (
          SELECT x."teamId"::text AS team, m."platformUserId" AS uid, m."displayName" AS name,
            count(*) OVER (PARTITION BY x."teamId")::int AS total, row_number() OVER (PARTITION BY x."teamId" ORDER BY m."displayName") AS n
          FROM "TeamMembership" x JOIN "Member" m ON m.id = x."memberId"
          WHERE x."teamId" = ANY(${ids}::uuid[]) AND x.role = 'member' AND x."to" IS NULL AND ${Prisma.raw(inProgramme("m"))}
            AND NOT EXISTS (SELECT 1 FROM "Nomination" n WHERE n."nomineeId" = m.id AND n.status = 'active' AND n."createdAt" >= ${window.recognisedSince})) u
        WHERE u.n <= ${GLANCE_MAX}`,
    ]);
    const of = <R extends Row, T>(rows: R[], team: string, map: (r: R) => T) => {
      const mine = rows.filter((r) => r.team === team);
      return { total: mine[0]?.total ?? 0, items: mine.map(map) };
    };
    const ref = (r: Row) => ({ platformUserId: r.uid, displayName: r.name });
    return teams.map((t) => ({
      name: t.name,
      agents: t.agents,
      riskThreshold: workspace.settings.riskThresholdPoints,
      periodName: window.periodName,
      atRisk: of(atRisk, t.id, (r) => ({ person: ref(r), points: r.points })),
      pending: of(pending, t.id, (r) => ({ person: ref(r), date: r.date })),
      notRecognised: of(unrecognised, t.id, ref),
    }));
  }
}
