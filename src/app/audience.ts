// Who is told, and who decides: every "where does this go" question wowbot answers, in one place. Teams of leads
// (PRODUCT.md §8) will route a member's matters to their own team's leads by changing the answers here.
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import type { MemberStore } from "./members.ports.js";
import type { OutboxTarget } from "./outbox-messages.js";

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

/** The admins, each by DM: told when wowbot changed their settings itself. */
export async function adminsAudience(members: Members, workspace: WorkspaceRecord): Promise<OutboxTarget[]> {
  return (await members.listByRole(workspace.id, ["admin"])).filter(reachable).map(dm);
}

/** Where recognition is posted: the recognition channel, else the channel where the nomination was made (if any). */
export function recognitionChannel(workspace: WorkspaceRecord, sourceChannel: string | null): string | null {
  return workspace.settings.recognitionChannel ?? sourceChannel;
}
