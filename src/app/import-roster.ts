// The roster from an HR system (PRODUCT.md §8): `wowbot import roster FILE.csv` and `POST /api/v1/roster`, rows of
// {member, team, role, since, openingBalance}. The whole roster is checked first and every problem reported; only a
// roster without problems is applied, in one transaction. Importing the same roster again changes nothing.
import { isCalendarDate } from "../domain/calendar-date.js";
import { localDate, zonedInstant } from "../domain/local-time.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { ADJUST_MAX_HOURS } from "./adjust-pto.js";
import { checkTeamName } from "./manage-teams.js";
import { lookUpMembers } from "./member-keys.js";
import type { Ports } from "./ports.js";
import type { RosterEntry, RosterOutcome } from "./teams.ports.js";

/** One row as given, untrimmed; `line` is its file line (CLI) or 0-based index (API), for problem reports. */
export interface RosterRow {
  line: number;
  member: string;
  team: string;
  /** agent (or member) or lead; empty is agent. */
  role: string;
  /** YYYY-MM-DD, the day the membership starts; empty is today. */
  since: string;
  /** Hours with up to two decimals; empty is none. */
  openingBalance: string;
}

export type RosterField = "member" | "team" | "role" | "since" | "openingBalance";
export const ROSTER_FIELDS: readonly RosterField[] = ["member", "team", "role", "since", "openingBalance"];

export interface RosterProblem {
  line: number;
  field: RosterField | "row";
  reason: string;
}

export interface RosterRefusal extends DomainError {
  code: "ROSTER.INVALID";
  problems: RosterProblem[];
}

const ROLE_OF: Record<string, "member" | "lead"> = { "": "member", agent: "member", member: "member", lead: "lead" };

export async function importRoster(
  ports: Pick<Ports, "members" | "teams" | "clock">,
  input: { workspace: WorkspaceRecord; rows: RosterRow[]; actor: string; rowsAre?: "lines" | "indexes"; dryRun?: boolean },
): Promise<Result<RosterOutcome & { received: number }, RosterRefusal>> {
  const { workspace } = input;
  const now = ports.clock.now();
  const today = localDate(now, workspace.timezone);
  const where = (line: number) => (input.rowsAre === "indexes" ? `row ${line}` : `line ${line}`);
  const problems: RosterProblem[] = [];
  const problem = (line: number, field: RosterProblem["field"], reason: string) => problems.push({ line, field, reason });
  const memberOf = await lookUpMembers(
    ports.members,
    workspace.id,
    input.rows.map((r) => r.member),
    { forWhat: "team to be in" },
  );
  const entries: Array<RosterEntry & { line: number }> = [];
  /** Per member: the row that makes them an agent of a team, and the opening balance a row gave. */
  const agentOf = new Map<string, { line: number; team: string }>();
  const balanceOf = new Map<string, { line: number; hours: number }>();
  for (const row of input.rows) {
    const found = memberOf(row.member);
    if ("reason" in found) problem(row.line, "member", found.reason);
    const name = row.team.trim() ? checkTeamName(row.team) : fail({ code: "TEAM.NAME_MISSING", message: "the team is missing: give the team's name." });
    if (!name.ok) problem(row.line, "team", name.error.message);
    const role = ROLE_OF[row.role.trim().toLowerCase()];
    if (!role) problem(row.line, "role", `"${row.role.trim().slice(0, 40)}" is not a role: use agent or lead.`);
    const sinceText = row.since.trim();
    const since = !sinceText ? today : sinceText;
    const sinceProblem = !isCalendarDate(since)
      ? `"${sinceText.slice(0, 40)}" is not a date: use YYYY-MM-DD.`
      : since > today
        ? `${since} is in the future (today is ${today} in ${workspace.timezone}): import a membership once it has begun.`
        : null;
    if (sinceProblem) problem(row.line, "since", sinceProblem);
    const balanceText = row.openingBalance.trim();
    const hours = balanceText ? (/^\d{1,4}(\.\d{1,2})?$/.test(balanceText) ? Number(balanceText) : Number.NaN) : null;
    if (hours !== null && (Number.isNaN(hours) || hours > ADJUST_MAX_HOURS)) {
      problem(
        row.line,
        "openingBalance",
        `"${balanceText.slice(0, 40)}" is not an opening balance: give hours from 0 to ${ADJUST_MAX_HOURS}, with up to two decimals.`,
      );
    }
    if (!("member" in found) || !name.ok || !role || sinceProblem || (hours !== null && (Number.isNaN(hours) || hours > ADJUST_MAX_HOURS))) continue;
    const member: MemberRecord = found.member;
    if (role === "member") {
      const earlier = agentOf.get(member.id);
      if (earlier && earlier.team.toLowerCase() !== name.value.toLowerCase()) {
        problem(
          row.line,
          "team",
          `conflicts with ${where(earlier.line)}, which puts ${member.displayName} in ${earlier.team}: an agent is in one team at a time.`,
        );
        continue;
      }
      agentOf.set(member.id, { line: row.line, team: name.value });
    }
    if (hours !== null) {
      const earlier = balanceOf.get(member.id);
      if (earlier && earlier.hours !== hours) {
        problem(
          row.line,
          "openingBalance",
          `conflicts with ${where(earlier.line)}, which gives ${member.displayName} an opening balance of ${earlier.hours} h.`,
        );
        continue;
      }
      balanceOf.set(member.id, { line: row.line, hours });
    }
    const duplicate = entries.some((e) => e.member.id === member.id && e.role === role && e.team.toLowerCase() === name.value.toLowerCase());
    const sinceAt = sinceText ? zonedInstant(since, "00:00", workspace.timezone) : now;
    entries.push({ line: row.line, member, team: name.value, role, since: sinceAt, openingBalance: duplicate ? null : hours });
  }
  if (problems.length) {
    const order = ["row", ...ROSTER_FIELDS];
    problems.sort((a, b) => a.line - b.line || order.indexOf(a.field) - order.indexOf(b.field));
    return fail({
      code: "ROSTER.INVALID",
      message: `The roster has ${problems.length} problem${problems.length === 1 ? "" : "s"}: nothing was imported.`,
      problems,
    });
  }
  if (input.dryRun) return ok({ received: input.rows.length, teamsCreated: 0, created: 0, updated: 0, unchanged: 0, openingBalances: 0 });
  const outcome = await ports.teams.applyRoster(workspace.id, entries, input.actor, now);
  return ok({ received: input.rows.length, ...outcome });
}
