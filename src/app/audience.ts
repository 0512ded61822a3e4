// Who is told, and who decides: every "where does this go" question wowbot answers, in one place. A member's matters
// go to their own team's leads (PRODUCT.md §8), else to the workspace's leads as before.
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import type { MemberStore } from "./members.ports.js";
import type { OutboxTarget } from "./outbox-messages.js";
import type { TeamDetail, TeamStore } from "./teams.ports.js";

type Members = Pick<MemberStore, "listByRole">;

const dm = (m: MemberRecord): OutboxTarget => ({ kind: "dm", platformUserId: m.platformUserId });
const reachable = (m: MemberRecord) => m.active && !m.isBot;

/**
 * The leads who hear about the workspace's lead matters (digests, paid-day requests) and decide them: the leads
 * channel, or each active lead and admin by DM when none is set. `except` leaves one member out (nobody decides their
 * own request); `noChannel` skips a channel that cannot be reached.
 */
export async function leadsAudience(
  members: Members,
  workspace: WorkspaceRecord,
  options: { except?: string; noChannel?: boolean } = {},
): Promise<OutboxTarget[]> {
  const channel = options.noChannel ? null : workspace.settings.leadsChannel;
  if (channel) return [{ kind: "channel", channel }];
  const leads = await members.listByRole(workspace.id, ["lead", "admin"]);
  return leads.filter((m) => reachable(m) && m.id !== options.except).map(dm);
}

/**
 * Who hears about and decides a member's matter (a paid-day request): the leads channel of the member's team, else
 * its leads by DM, else the workspace's leads (leadsAudience). The member is never in their own audience.
 */
export async function memberLeadsAudience(
  ports: { members: Members; teams: Pick<TeamStore, "teamOf"> },
  workspace: WorkspaceRecord,
  member: Pick<MemberRecord, "id">,
  options: { noChannel?: boolean } = {},
): Promise<OutboxTarget[]> {
  const team = await ports.teams.teamOf(member.id);
  const audience = team ? teamLeadsAudience(team, { ...options, except: member.id }) : [];
  return audience.length ? audience : leadsAudience(ports.members, workspace, { ...options, except: member.id });
}

/** A team's leads: its leads channel, else each reachable lead by DM (none when it has no lead). */
export function teamLeadsAudience(team: TeamDetail, options: { except?: string; noChannel?: boolean } = {}): OutboxTarget[] {
  if (team.leadsChannel && !options.noChannel) return [{ kind: "channel", channel: team.leadsChannel.id }];
  return team.leads.filter((m) => reachable(m) && m.id !== options.except).map(dm);
}

/**
 * Who gets the workspace's digest once teams exist (each team's leads get their team's): the workspace's leads
 * channel, else each admin by DM.
 */
export async function workspaceDigestAudience(members: Members, workspace: WorkspaceRecord, options: { noChannel?: boolean } = {}): Promise<OutboxTarget[]> {
  const channel = options.noChannel ? null : workspace.settings.leadsChannel;
  return channel ? [{ kind: "channel", channel }] : adminsAudience(members, workspace);
}

/** The admins, each by DM: told when wowbot changed their settings itself. */
export async function adminsAudience(members: Members, workspace: WorkspaceRecord): Promise<OutboxTarget[]> {
  return (await members.listByRole(workspace.id, ["admin"])).filter(reachable).map(dm);
}

/**
 * Who reviews a score the agent disputes (PRODUCT.md §9, "Reviews"), each by DM: the agent's team leads other than
 * the scorer, else the admins other than the scorer; never the agent. Empty when nobody else could.
 */
export async function scoreReviewers(
  ports: { members: Members; teams: Pick<TeamStore, "teamOf"> },
  workspace: WorkspaceRecord,
  agent: Pick<MemberRecord, "id">,
  scorerId: string,
): Promise<MemberRecord[]> {
  const other = (m: MemberRecord) => reachable(m) && m.id !== scorerId && m.id !== agent.id;
  const leads = ((await ports.teams.teamOf(agent.id))?.leads ?? []).filter(other);
  return leads.length ? leads : (await ports.members.listByRole(workspace.id, ["admin"])).filter(other);
}

/** Where recognition is posted: the recognition channel, else the channel where the nomination was made (if any). */
export function recognitionChannel(workspace: WorkspaceRecord, sourceChannel: string | null): string | null {
  return workspace.settings.recognitionChannel ?? sourceChannel;
}
