// `/wowbot team ...` (admins, PRODUCT.md §8): teams of agents with their leads and leads channel. Each use case checks
// the policy, validates what was typed, and changes nothing on a refusal; the store audit-logs every change.
import { outsideProgramme } from "../domain/programme.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { hasRole } from "../domain/roles.js";
import { may } from "./policy.js";
import type { Ports } from "./ports.js";
import { teamNamed } from "./team-named.js";
import type { Joined, TeamChannel, TeamDetail, TeamRecord } from "./teams.ports.js";

/** The longest team name: it appears in headings, buttons and digests. */
export const TEAM_NAME_MAX = 60;

type TeamPorts = Pick<Ports, "teams" | "members" | "clock">;
export interface Acting {
  workspace: WorkspaceRecord;
  actor: MemberRecord;
}

/** The team an admin names to change: refused for anyone else, and for a name no live team has. */
export async function teamToChange(ports: Pick<Ports, "teams">, input: Acting & { name: string }): Promise<Result<TeamDetail>> {
  const refused = may(input.actor, "teams.manage");
  if (refused) return fail(refused);
  return teamNamed(ports.teams, input.workspace, input.name);
}

/** The people a change left as they were (already in, not in, not leading). */
const untouched = (people: MemberRecord[], changed: MemberRecord[]) => people.filter((p) => !changed.some((c) => c.id === p.id));

/** A name as typed, or why it can't be one. */
export function checkTeamName(raw: string): Result<string> {
  const name = raw.trim().replace(/\s+/g, " ");
  if (!name) return fail({ code: "TEAM.NAME_MISSING", message: "Give the team a name: one word, or several in quotes." });
  if ([...name].length > TEAM_NAME_MAX) return fail({ code: "TEAM.NAME_LONG", message: `A team name has at most ${TEAM_NAME_MAX} characters.` });
  // Control and invisible characters would make two names look alike.
  if (/[\p{Cc}\p{Cf}]/u.test(name)) return fail({ code: "TEAM.NAME_INVALID", message: "A team name can't contain control or invisible characters." });
  return ok(name);
}

export async function createTeam(ports: TeamPorts, input: Acting & { name: string }): Promise<Result<TeamRecord>> {
  const refused = may(input.actor, "teams.manage");
  if (refused) return fail(refused);
  const name = checkTeamName(input.name);
  if (!name.ok) return name;
  const team = await ports.teams.create(input.workspace.id, name.value, ports.clock.now(), input.actor.platformUserId);
  return team ? ok(team) : fail({ code: "TEAM.TAKEN", message: `There's already a team called "${name.value}".` });
}

export async function renameTeam(ports: TeamPorts, input: Acting & { name: string; newName: string }): Promise<Result<{ before: string; after: string }>> {
  const team = await teamToChange(ports, input);
  if (!team.ok) return team;
  const name = checkTeamName(input.newName);
  if (!name.ok) return name;
  if (!(await ports.teams.rename(team.value, name.value, input.actor.platformUserId))) {
    return fail({ code: "TEAM.TAKEN", message: `There's already a team called "${name.value}".` });
  }
  return ok({ before: team.value.name, after: name.value });
}

export async function deleteTeam(ports: TeamPorts, input: Acting & { name: string }): Promise<Result<TeamDetail>> {
  const team = await teamToChange(ports, input);
  if (!team.ok) return team;
  await ports.teams.delete(team.value, ports.clock.now(), input.actor.platformUserId);
  return ok(team.value);
}

/** Why a person can't be an agent of a team (outside the programme, deactivated), or null. */
function cannotJoin(member: MemberRecord): string | null {
  const outside = outsideProgramme(member);
  if (outside) return `${member.displayName} is ${outside}, so they can't be in a team.`;
  if (!member.active) return `${member.displayName}'s account is deactivated, so they can't be in a team.`;
  return null;
}

/** Every refusal among the people, one sentence each; nothing changes when there is any. */
function refusals(people: MemberRecord[], check: (m: MemberRecord) => string | null): Result<MemberRecord[]> {
  const problems = people.map(check).filter((p): p is string => p !== null);
  return problems.length ? fail({ code: "TEAM.PERSON", message: problems.join(" ") }) : ok(people);
}

export async function addToTeam(
  ports: TeamPorts,
  input: Acting & { name: string; people: MemberRecord[]; since?: Date },
): Promise<Result<{ team: TeamDetail; joined: Joined[] }>> {
  const team = await teamToChange(ports, input);
  if (!team.ok) return team;
  const people = refusals(input.people, cannotJoin);
  if (!people.ok) return people;
  const joined = await ports.teams.addMembers(team.value, people.value, input.since ?? ports.clock.now(), input.actor.platformUserId);
  return ok({ team: team.value, joined });
}

export async function removeFromTeam(
  ports: TeamPorts,
  input: Acting & { name: string; people: MemberRecord[] },
): Promise<Result<{ team: TeamDetail; removed: MemberRecord[]; notIn: MemberRecord[] }>> {
  const team = await teamToChange(ports, input);
  if (!team.ok) return team;
  const removed = await ports.teams.removeMembers(team.value, input.people, ports.clock.now(), input.actor.platformUserId);
  return ok({ team: team.value, removed, notIn: untouched(input.people, removed) });
}

/** `team lead`: each becomes a lead of the team; an agent becomes a lead of the workspace too (audit-logged). */
export async function leadTeam(
  ports: TeamPorts,
  input: Acting & { name: string; people: MemberRecord[] },
): Promise<Result<{ team: TeamDetail; added: MemberRecord[]; already: MemberRecord[]; promoted: MemberRecord[] }>> {
  const team = await teamToChange(ports, input);
  if (!team.ok) return team;
  const people = refusals(input.people, (m) => {
    if (m.isBot) return `${m.displayName} is a bot, so it can't lead a team.`;
    if (!m.active) return `${m.displayName}'s account is deactivated, so they can't lead a team.`;
    return null;
  });
  if (!people.ok) return people;
  const actor = input.actor.platformUserId;
  const promoted: MemberRecord[] = [];
  for (const m of people.value) {
    if (hasRole(m.role, "lead")) continue;
    const changed = await ports.members.setRole(input.workspace.id, m.platformUserId, "lead", actor);
    if (changed) promoted.push(changed);
  }
  const added = await ports.teams.addLeads(team.value, people.value, ports.clock.now(), actor);
  return ok({ team: team.value, added, already: untouched(people.value, added), promoted });
}

export async function unleadTeam(
  ports: TeamPorts,
  input: Acting & { name: string; people: MemberRecord[] },
): Promise<Result<{ team: TeamDetail; removed: MemberRecord[]; notLeading: MemberRecord[] }>> {
  const team = await teamToChange(ports, input);
  if (!team.ok) return team;
  const removed = await ports.teams.removeLeads(team.value, input.people, ports.clock.now(), input.actor.platformUserId);
  return ok({ team: team.value, removed, notLeading: untouched(input.people, removed) });
}

export async function setTeamChannel(
  ports: TeamPorts,
  input: Acting & { name: string; channel: TeamChannel | null },
): Promise<Result<{ team: TeamDetail; channel: TeamChannel | null }>> {
  const team = await teamToChange(ports, input);
  if (!team.ok) return team;
  await ports.teams.setLeadsChannel(team.value, input.channel, input.actor.platformUserId);
  return ok({ team: team.value, channel: input.channel });
}

/** `team list` and `team show` are for leads and admins: they name who is in which team. */
export async function listTeams(ports: TeamPorts, input: Acting): Promise<Result<TeamDetail[]>> {
  const refused = may(input.actor, "teams.view");
  if (refused) return fail(refused);
  return ok(await ports.teams.list(input.workspace.id));
}

export async function showTeam(ports: TeamPorts, input: Acting & { name: string }): Promise<Result<TeamDetail>> {
  const refused = may(input.actor, "teams.view");
  if (refused) return fail(refused);
  return teamNamed(ports.teams, input.workspace, input.name);
}
