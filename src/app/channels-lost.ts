// When wowbot can no longer post in channels (Teams: removed from their team, or a post answered 403 because the bot
// is not in the conversation): nothing may keep waiting on them. The settings forget them, the admins are told, and
// the messages for leads that were headed there (paid-day requests, digests) go to the leads by DM instead.

import type { WorkspaceRecord } from "../domain/records.js";
import { adminsAudience, leadsAudience, memberLeadsAudience, teamLeadsAudience, workspaceDigestAudience } from "./audience.js";
import { digestEntry } from "./digest-day.js";
import type { OutboxEntry } from "./outbox-messages.js";
import { type ChannelSetting, type OutboxMessage, outboxKey, outboxMessage } from "./outbox-messages.js";
import { requestPostEntries } from "./paid-days.js";
import type { Ports } from "./ports.js";

/** The audit log's actor for settings changes wowbot makes itself when a platform took channels away. */
export const CHANNELS_LOST_ACTOR = "system:channels-lost";

export interface ChannelsLostPorts {
  settings: Ports["settings"];
  members: Pick<Ports["members"], "listByRole">;
  attendance: Pick<Ports["attendance"], "findRequest">;
  teams: Pick<Ports["teams"], "teamOf" | "list" | "setLeadsChannel">;
  outbox: { enqueue(entries: OutboxEntry[], at: Date): Promise<void> };
  clock: { now(): Date };
}

/**
 * Forgets `lost` channels in the workspace's settings and tells its admins, by DM, which settings were cleared and
 * where their messages go now; names are the channels as people know them ("General (Billing Squad)"). The admins are
 * told of a removal always (`removed`), of a single channel that stopped answering only when a setting named it.
 */
export async function channelsLost(
  ports: ChannelsLostPorts,
  workspace: WorkspaceRecord,
  lost: Array<{ id: string; name: string }>,
  options: { removed?: boolean } = {},
): Promise<ChannelSetting[]> {
  const ids = new Set(lost.map((c) => c.id));
  const cleared = (["recognitionChannel", "leadsChannel"] as const).filter((s) => {
    const channel = workspace.settings[s];
    return channel !== null && ids.has(channel);
  });
  if (cleared.length) await ports.settings.updateSettings(workspace.id, Object.fromEntries(cleared.map((s) => [s, null])), CHANNELS_LOST_ACTOR);
  // A team's leads channel too: its requests and digest then go to its leads by DM.
  const teamsLost = (await ports.teams.list(workspace.id)).filter((team) => team.leadsChannel && ids.has(team.leadsChannel.id));
  for (const team of teamsLost) await ports.teams.setLeadsChannel(team, null, CHANNELS_LOST_ACTOR);
  if (!cleared.length && !teamsLost.length && !options.removed) return cleared;
  const admins = await adminsAudience(ports.members, workspace);
  const at = ports.clock.now();
  const payload = outboxMessage.channelsLost(
    lost.map((c) => c.name),
    cleared,
  );
  const minute = at.toISOString().slice(0, 16);
  await ports.outbox.enqueue(
    admins.map((target) => ({ workspaceId: workspace.id, target, payload, dedupeKey: outboxKey.channelsLost(workspace.id, [...ids], minute, target) })),
    at,
  );
  return cleared;
}

/**
 * A message for the leads whose channel could not be reached, sent to the leads by DM instead (the settings no longer
 * name the channel by then, so the audience is the leads themselves). Other messages have no one else to go to.
 */
export async function rerouteToLeads(ports: ChannelsLostPorts, workspace: WorkspaceRecord, payload: OutboxMessage): Promise<number> {
  let entries: OutboxEntry[] = [];
  if (payload.view === "digest") {
    const teams = await ports.teams.list(workspace.id);
    const team = payload.teamId ? teams.find((x) => x.id === payload.teamId) : undefined;
    const targets = team
      ? teamLeadsAudience(team, { noChannel: true })
      : teams.length
        ? await workspaceDigestAudience(ports.members, workspace, { noChannel: true })
        : await leadsAudience(ports.members, workspace, { noChannel: true });
    entries = targets.map((target) => digestEntry(workspace, payload.day, target, payload.closePending === true, team?.id));
  } else if (payload.view === "pto.request") {
    const request = await ports.attendance.findRequest(payload.requestId);
    if (request?.status !== "pending") return 0;
    const audience = await memberLeadsAudience(ports, workspace, { id: request.memberId }, { noChannel: true });
    entries = requestPostEntries(workspace, request.id, audience);
  }
  if (entries.length) await ports.outbox.enqueue(entries, ports.clock.now());
  return entries.length;
}
