// Teams and their memberships with from/to dates: a change ends a membership and starts another, never rewrites one,
// so past periods and digests stay with the team a member was in then. Every change is audit-logged in its transaction.
import { ledgerKey } from "../app/outbox-messages.js";
import type { Joined, RosterEntry, RosterOutcome, TeamChannel, TeamDetail, TeamRecord, TeamSource, TeamStore } from "../app/teams.ports.js";
import type { MemberRecord } from "../domain/records.js";
import type { Member, Team, TeamMembership } from "../generated/prisma/client.js";
import { recordAudit } from "./audit-log.repository.js";
import type { Database } from "./database.js";
import { isUniqueViolation, type Prisma } from "./prisma.js";
import { toMemberRecord } from "./records.js";

type TeamRow = Team & { memberships: Array<TeamMembership & { member: Member }> };

const LIVE = { deletedAt: null };
const WITH_PEOPLE = { memberships: { where: { to: null }, include: { member: true } } } as const;

const toTeam = (t: Team): TeamRecord => ({
  id: t.id,
  workspaceId: t.workspaceId,
  name: t.name,
  leadsChannel: t.leadsChannel ? { id: t.leadsChannel, name: t.leadsChannelName ?? t.leadsChannel } : null,
  source: t.sourceKind && t.sourceId ? { kind: t.sourceKind, id: t.sourceId, name: t.sourceName ?? t.sourceId } : null,
  createdAt: t.createdAt,
});

function toDetail(t: TeamRow): TeamDetail {
  const people = (role: "member" | "lead") =>
    t.memberships
      .filter((m) => m.role === role)
      .map((m) => toMemberRecord(m.member))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return { ...toTeam(t), members: people("member"), leads: people("lead") };
}

const names = (members: MemberRecord[]) => members.map((m) => m.platformUserId);

export class TeamRepository implements TeamStore {
  constructor(private readonly db: Database) {}

  async anyTeam(workspaceId: string): Promise<boolean> {
    return (await this.db.prisma.team.count({ where: { workspaceId, ...LIVE } })) > 0;
  }

  async list(workspaceId: string): Promise<TeamDetail[]> {
    const rows = await this.db.prisma.team.findMany({ where: { workspaceId, ...LIVE }, include: WITH_PEOPLE, orderBy: { name: "asc" } });
    return rows.map(toDetail);
  }

  async findByName(workspaceId: string, name: string): Promise<TeamDetail | null> {
    const row = await this.db.prisma.team.findFirst({ where: { workspaceId, ...LIVE, name: { equals: name, mode: "insensitive" } }, include: WITH_PEOPLE });
    return row && toDetail(row);
  }

  async create(workspaceId: string, name: string, at: Date, actor: string): Promise<TeamRecord | null> {
    try {
      return await this.db.prisma.$transaction(async (tx) => {
        const team = await tx.team.create({ data: { workspaceId, name, createdAt: at } });
        await recordAudit(tx, { workspaceId, actor, action: "team.create", subject: `team:${team.id}`, after: { name } });
        return toTeam(team);
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async rename(team: TeamRecord, name: string, actor: string): Promise<boolean> {
    try {
      await this.change(team, { name }, actor, "team.rename", { name: team.name }, { name });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async delete(team: TeamRecord, at: Date, actor: string): Promise<void> {
    await this.db.prisma.$transaction(async (tx) => {
      await tx.teamMembership.updateMany({ where: { teamId: team.id, to: null }, data: { to: at } });
      await tx.team.update({ where: { id: team.id }, data: { deletedAt: at } });
      await recordAudit(tx, { workspaceId: team.workspaceId, actor, action: "team.delete", subject: `team:${team.id}`, before: { name: team.name } });
    });
  }

  async addMembers(team: TeamRecord, members: MemberRecord[], since: Date, actor: string): Promise<Joined[]> {
    return this.db.prisma.$transaction(async (tx) => {
      const joined: Joined[] = [];
      for (const member of members) {
        const current = await tx.teamMembership.findFirst({ where: { memberId: member.id, role: "member", to: null }, include: { team: true } });
        if (current?.teamId === team.id) {
          joined.push({ member, outcome: "already" });
          continue;
        }
        // A move ends the old membership when the new one starts (never before the old one began).
        if (current) await tx.teamMembership.update({ where: { id: current.id }, data: { to: since < current.from ? current.from : since } });
        await tx.teamMembership.create({ data: { teamId: team.id, memberId: member.id, role: "member", from: since } });
        joined.push(current ? { member, outcome: "moved", from: current.team.name } : { member, outcome: "added" });
      }
      const changed = joined.filter((j) => j.outcome !== "already").map((j) => j.member);
      if (changed.length) await this.audit(tx, team, actor, "team.add", { members: names(changed), since: since.toISOString() });
      return joined;
    });
  }

  async removeMembers(team: TeamRecord, members: MemberRecord[], at: Date, actor: string): Promise<MemberRecord[]> {
    return this.end(team, members, "member", at, actor, "team.remove");
  }

  async addLeads(team: TeamRecord, members: MemberRecord[], at: Date, actor: string): Promise<MemberRecord[]> {
    return this.db.prisma.$transaction(async (tx) => {
      const led = new Set(
        (await tx.teamMembership.findMany({ where: { teamId: team.id, role: "lead", to: null, memberId: { in: members.map((m) => m.id) } } })).map(
          (m) => m.memberId,
        ),
      );
      const added = members.filter((m) => !led.has(m.id));
      if (added.length) {
        await tx.teamMembership.createMany({ data: added.map((m) => ({ teamId: team.id, memberId: m.id, role: "lead" as const, from: at })) });
        await this.audit(tx, team, actor, "team.lead", { leads: names(added) });
      }
      return added;
    });
  }

  async removeLeads(team: TeamRecord, members: MemberRecord[], at: Date, actor: string): Promise<MemberRecord[]> {
    return this.end(team, members, "lead", at, actor, "team.unlead");
  }

  async setLeadsChannel(team: TeamRecord, channel: TeamChannel | null, actor: string): Promise<void> {
    const data = { leadsChannel: channel?.id ?? null, leadsChannelName: channel?.name ?? null };
    await this.change(team, data, actor, "team.channel", { leadsChannel: team.leadsChannel?.id ?? null }, { leadsChannel: data.leadsChannel });
  }

  async setSource(team: TeamRecord, source: TeamSource | null, actor: string): Promise<void> {
    const data = { sourceKind: source?.kind ?? null, sourceId: source?.id ?? null, sourceName: source?.name ?? null };
    await this.change(team, data, actor, "team.sync", { source: team.source }, { source });
  }

  async followers(workspaceId: string, source: Omit<TeamSource, "name">): Promise<TeamDetail[]> {
    const rows = await this.db.prisma.team.findMany({ where: { workspaceId, ...LIVE, sourceKind: source.kind, sourceId: source.id }, include: WITH_PEOPLE });
    return rows.map(toDetail);
  }

  async teamOf(memberId: string): Promise<TeamDetail | null> {
    const row = await this.db.prisma.team.findFirst({
      where: { ...LIVE, memberships: { some: { memberId, role: "member", to: null } } },
      include: WITH_PEOPLE,
    });
    return row && toDetail(row);
  }

  async ledBy(memberId: string): Promise<TeamDetail[]> {
    const rows = await this.db.prisma.team.findMany({
      where: { ...LIVE, memberships: { some: { memberId, role: "lead", to: null } } },
      include: WITH_PEOPLE,
      orderBy: { name: "asc" },
    });
    return rows.map(toDetail);
  }

  async applyRoster(workspaceId: string, entries: RosterEntry[], actor: string, at: Date): Promise<RosterOutcome> {
    return this.db.prisma.$transaction(
      async (tx) => {
        const outcome: RosterOutcome = { teamsCreated: 0, created: 0, updated: 0, unchanged: 0, openingBalances: 0 };
        const teams = new Map((await tx.team.findMany({ where: { workspaceId, ...LIVE } })).map((t) => [t.name.toLowerCase(), t]));
        const earliest = new Map<string, Date>();
        const promoted = new Set<string>();
        for (const e of entries) {
          const key = e.team.toLowerCase();
          const seen = earliest.get(key);
          if (!seen || e.since < seen) earliest.set(key, e.since);
        }
        for (const e of entries) {
          const key = e.team.toLowerCase();
          let team = teams.get(key);
          if (!team) {
            team = await tx.team.create({ data: { workspaceId, name: e.team, createdAt: earliest.get(key) ?? e.since } });
            await recordAudit(tx, { workspaceId, actor, action: "team.create", subject: `team:${team.id}`, after: { name: e.team } });
            teams.set(key, team);
            outcome.teamsCreated++;
          }
          const open = await tx.teamMembership.findFirst({
            where: { memberId: e.member.id, role: e.role, to: null, ...(e.role === "lead" ? { teamId: team.id } : {}) },
          });
          if (open?.teamId === team.id) {
            if (e.since < open.from) {
              await tx.teamMembership.update({ where: { id: open.id }, data: { from: e.since } });
              outcome.updated++;
            } else outcome.unchanged++;
          } else {
            if (open) await tx.teamMembership.update({ where: { id: open.id }, data: { to: e.since < open.from ? open.from : e.since } });
            await tx.teamMembership.create({ data: { teamId: team.id, memberId: e.member.id, role: e.role, from: e.since } });
            if (open) outcome.updated++;
            else outcome.created++;
            if (e.role === "lead" && e.member.role === "agent" && !promoted.has(e.member.id)) {
              promoted.add(e.member.id);
              await tx.member.update({ where: { id: e.member.id }, data: { role: "lead" } });
              await recordAudit(tx, {
                workspaceId,
                actor,
                action: "member.role",
                subject: `member:${e.member.platformUserId}`,
                before: { role: "agent" },
                after: { role: "lead" },
              });
            }
          }
          if (e.openingBalance !== null) {
            const dedupeKey = ledgerKey.openingBalance(e.member.id);
            if (!(await tx.ptoLedgerEntry.findUnique({ where: { dedupeKey } }))) {
              await tx.ptoLedgerEntry.create({
                data: {
                  workspaceId,
                  memberId: e.member.id,
                  hours: e.openingBalance,
                  kind: "adjustment",
                  reason: "opening balance (roster import)",
                  actor,
                  dedupeKey,
                  createdAt: at,
                },
              });
              await recordAudit(tx, {
                workspaceId,
                actor,
                action: "pto.adjust",
                subject: `member:${e.member.platformUserId}`,
                after: { hours: e.openingBalance, reason: "opening balance (roster import)" },
              });
              outcome.openingBalances++;
            }
          }
        }
        await recordAudit(tx, { workspaceId, actor, action: "team.roster", subject: `workspace:${workspaceId}`, after: { rows: entries.length, ...outcome } });
        return outcome;
      },
      { timeout: 120_000 },
    );
  }

  private async end(team: TeamRecord, members: MemberRecord[], role: "member" | "lead", at: Date, actor: string, action: string): Promise<MemberRecord[]> {
    return this.db.prisma.$transaction(async (tx) => {
      const open = await tx.teamMembership.findMany({ where: { teamId: team.id, role, to: null, memberId: { in: members.map((m) => m.id) } } });
      const ended = members.filter((m) => open.some((o) => o.memberId === m.id));
      if (ended.length) {
        await tx.teamMembership.updateMany({ where: { id: { in: open.map((o) => o.id) } }, data: { to: at } });
        await this.audit(tx, team, actor, action, { [role === "lead" ? "leads" : "members"]: names(ended) });
      }
      return ended;
    });
  }

  /** Changes the team's own columns and audit-logs it (before, after), in one transaction. */
  private change(team: TeamRecord, data: Prisma.TeamUpdateInput, actor: string, action: string, before: unknown, after: unknown): Promise<void> {
    return this.db.prisma.$transaction(async (tx) => {
      await tx.team.update({ where: { id: team.id }, data });
      await recordAudit(tx, { workspaceId: team.workspaceId, actor, action, subject: `team:${team.id}`, before, after });
    });
  }

  private audit(tx: Prisma.TransactionClient, team: TeamRecord, actor: string, action: string, after: unknown): Promise<void> {
    return recordAudit(tx, { workspaceId: team.workspaceId, actor, action, subject: `team:${team.id}`, after: { team: team.name, ...(after as object) } });
  }
}
