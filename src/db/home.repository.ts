// The queries behind a member's own page, in a handful of indexed reads.
import type { HomeStore } from "../app/home.ports.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { type HomeFacts, type ServiceLevelFacts, serviceLevelPercent } from "../views/home.js";
import type { PrismaClient } from "./prisma.js";
import { toPersonRef } from "./records.js";

export class HomeRepository implements HomeStore {
  constructor(private readonly prisma: PrismaClient) {}

  async facts(workspace: WorkspaceRecord, member: MemberRecord, since: Date): Promise<HomeFacts> {
    const received = { nomineeId: member.id, status: "active" as const };
    const current = { agentId: member.id, supersededById: null };
    const goal = workspace.settings.scoreGoal;
    const [recent, wows, seconds, scores, metGoal, notes] = await Promise.all([
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
}
