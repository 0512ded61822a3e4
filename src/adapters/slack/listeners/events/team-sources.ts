// Teams that follow a Slack user group or channel (`/wowbot team sync`) change as it does: subteam_members_changed,
// member_joined_channel and member_left_channel add and remove their agents (src/app/sync-team.ts).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { followTeamSource } from "../../../../app/sync-team.js";
import type { SlackDeps } from "../../deps.js";
import { memberOf } from "../../provision.js";

type SourceEvent = SlackEventMiddlewareArgs<"subteam_members_changed" | "member_joined_channel" | "member_left_channel"> & AllMiddlewareArgs;

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export function teamSourceEvents(deps: SlackDeps) {
  return async ({ event, context, client }: SourceEvent): Promise<void> => {
    if (!context.teamId) return;
    const e = event as unknown as Record<string, unknown>;
    const change =
      e.type === "subteam_members_changed"
        ? { source: { kind: "usergroup" as const, id: String(e.subteam_id ?? "") }, added: ids(e.added_users), removed: ids(e.removed_users) }
        : {
            source: { kind: "channel" as const, id: String(e.channel ?? "") },
            added: e.type === "member_joined_channel" ? ids([e.user]) : [],
            removed: e.type === "member_left_channel" ? ids([e.user]) : [],
          };
    if (!change.source.id) return;
    // The workspace alone (no member): one statement, and nothing when wowbot doesn't know this workspace yet.
    const found = await deps.workspaces.findWithMember("slack", context.teamId, "");
    if (!found) return;
    const workspace = found.workspace;
    const resolve = (id: string) => memberOf(deps, context, client, workspace.id, id);
    const changed = await followTeamSource(deps.ports, resolve, { workspace, ...change });
    if (changed) deps.logger.info({ workspace: workspace.id, source: change.source, changed }, "a team followed its user group or channel");
  };
}
