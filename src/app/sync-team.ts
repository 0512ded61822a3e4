// A team that follows a Slack user group or channel (PRODUCT.md §8): `/wowbot team sync NAME @usergroup|#channel|off`
// makes the team's agents exactly the group's members (moving them from other teams), and the group's changes
// (subteam_members_changed, member_joined_channel, member_left_channel) keep it so. People outside the programme, and
// people the directory doesn't know, are left out.
import { outsideProgramme } from "../domain/programme.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { teamToChange } from "./manage-teams.js";
import type { Ports } from "./ports.js";
import type { TeamDetail, TeamSource } from "./teams.ports.js";

/** The members of a user group or channel, by platform user id; null when the platform can't say (not found). */
export interface GroupDirectory {
  membersOf(source: TeamSource): Promise<string[] | null>;
}

type SyncPorts = Pick<Ports, "teams" | "clock" | "members">;
type Resolve = (platformUserId: string) => Promise<MemberRecord | null>;

export interface SyncOutcome {
  team: TeamDetail;
  source: TeamSource | null;
  added: MemberRecord[];
  moved: Array<{ member: MemberRecord; from: string }>;
  removed: MemberRecord[];
  /** Members of the group kept out: outside the programme, deactivated, or unknown to the directory. */
  skipped: number;
}

/**
 * The people of the group who can be a team's agents. Those the directory holds are read in one query; only someone
 * it doesn't hold yet (a read still to come) is looked up on the platform.
 */
async function agentsOf(
  ports: Pick<SyncPorts, "members">,
  workspace: WorkspaceRecord,
  ids: readonly string[],
  resolve: Resolve,
): Promise<{ agents: MemberRecord[]; skipped: number }> {
  const wanted = [...new Set(ids)];
  const known = new Map((await ports.members.findByIdOrEmail(workspace.id, wanted)).map((m) => [m.platformUserId, m]));
  const agents: MemberRecord[] = [];
  let skipped = 0;
  for (const id of wanted) {
    const member = known.get(id) ?? (await resolve(id));
    if (member?.active && !outsideProgramme(member)) agents.push(member);
    else skipped++;
  }
  return { agents, skipped };
}

export async function syncTeam(
  ports: SyncPorts,
  groups: GroupDirectory,
  resolve: Resolve,
  input: { workspace: WorkspaceRecord; actor: MemberRecord; name: string; source: TeamSource | null },
): Promise<Result<SyncOutcome>> {
  const found = await teamToChange(ports, input);
  if (!found.ok) return found;
  const team = found.value;
  const actor = input.actor.platformUserId;
  const outcome: SyncOutcome = { team, source: input.source, added: [], moved: [], removed: [], skipped: 0 };
  if (!input.source) {
    await ports.teams.setSource(team, null, actor);
    return ok(outcome);
  }
  const ids = await groups.membersOf(input.source);
  if (!ids) {
    const what = input.source.kind === "usergroup" ? "user group" : "channel";
    return fail({
      code: "TEAM.SOURCE_UNKNOWN",
      message: `I can't read the members of that ${what}: check that it exists${input.source.kind === "channel" ? " and that wowbot is in it" : ""}.`,
    });
  }
  const { agents, skipped } = await agentsOf(ports, input.workspace, ids, resolve);
  outcome.skipped = skipped;
  await ports.teams.setSource(team, input.source, actor);
  const now = ports.clock.now();
  for (const j of await ports.teams.addMembers(team, agents, now, actor)) {
    if (j.outcome === "added") outcome.added.push(j.member);
    if (j.outcome === "moved") outcome.moved.push({ member: j.member, from: j.from });
  }
  const leaving = team.members.filter((m) => !agents.some((a) => a.id === m.id));
  if (leaving.length) outcome.removed = await ports.teams.removeMembers(team, leaving, now, actor);
  return ok(outcome);
}

/** A change the platform announced in a group some teams follow: its newcomers join them, its leavers leave. */
export async function followTeamSource(
  ports: SyncPorts,
  resolve: Resolve,
  input: { workspace: WorkspaceRecord; source: Omit<TeamSource, "name">; added: readonly string[]; removed: readonly string[] },
): Promise<number> {
  const teams = await ports.teams.followers(input.workspace.id, input.source);
  if (teams.length === 0) return 0;
  const { agents } = await agentsOf(ports, input.workspace, input.added, resolve);
  const actor = `sync:${input.source.kind}:${input.source.id}`;
  let changed = 0;
  for (const team of teams) {
    const now = ports.clock.now();
    changed += (await ports.teams.addMembers(team, agents, now, actor)).filter((j) => j.outcome !== "already").length;
    const leaving = team.members.filter((m) => input.removed.includes(m.platformUserId));
    if (leaving.length) changed += (await ports.teams.removeMembers(team, leaving, now, actor)).length;
  }
  return changed;
}
