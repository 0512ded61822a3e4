// Every activity works with stored records: the tenant's workspace and the sender as a member are found or created
// (the sender looked up in the roster for their email and account id), and the conversation is remembered.
import type { TurnContext } from "botbuilder";
import { withConfiguredRole } from "../../app/configured-admins.js";
import { ensureMember } from "../../app/ensure-member.js";
import { DEPARTED, type Directory } from "../../app/members.ports.js";
import type { MemberRecord, WorkspaceRecord } from "../../domain/records.js";
import { LOCAL_DEVELOPMENT_NAME, LOCAL_DEVELOPMENT_TENANT, saveConversation, tenantOf } from "./conversations.js";
import type { TeamsDeps } from "./deps.js";
import { teamsDirectory } from "./teams-directory.js";

export interface Provisioned {
  workspace: WorkspaceRecord;
  /** Undefined when the activity has no person behind it (a conversation update from Teams itself). */
  member?: MemberRecord;
}

/** "Teams tenant 72f988bf", or the local development workspace's name. */
export const workspaceNameOf = (tenantId: string) => (tenantId === LOCAL_DEVELOPMENT_TENANT ? LOCAL_DEVELOPMENT_NAME : `Teams tenant ${tenantId.slice(0, 8)}`);

function ensureWorkspace(deps: TeamsDeps, tenantId: string): Promise<WorkspaceRecord> {
  return deps.workspaces.ensure({
    platform: "teams",
    externalId: tenantId,
    // The workspace is the tenant, whatever team an activity comes from: named after a team, it followed whichever
    // team spoke last (a digest for Contact Centre's leads was titled "Billing Squad"). Teams does not tell a bot the
    // organisation's name, so the tenant names it; a team names its channels.
    name: workspaceNameOf(tenantId),
    timezone: deps.defaultTimezone,
    createdAt: deps.ports.clock.now(),
  });
}

/**
 * The sender as a member; `installer` makes them admin when the workspace has no admin yet. `stored` is their row
 * when the provisioning lookup found one: a member with an account id needs nothing more (no roster call, no write).
 */
async function ensureSender(
  deps: TeamsDeps,
  context: TurnContext,
  workspace: WorkspaceRecord,
  installer: boolean,
  stored: MemberRecord | null | undefined,
): Promise<MemberRecord | undefined> {
  const from = context.activity.from;
  if (!from?.id || from.role === "bot") return undefined;
  const platformUserId = from.aadObjectId || from.id;
  if (stored?.platformAccountId && !installer) return withConfiguredRole(deps.ports, stored);
  const firstAdmin = installer && (await deps.ports.members.countByRole(workspace.id, "admin")) === 0;
  const known = stored === undefined ? await deps.ports.members.find(workspace.id, platformUserId) : stored;
  // Known members are refreshed only when their account id is missing (created by an import, or by a mention).
  const refresh = Boolean(known) && !known?.platformAccountId;
  const roster = teamsDirectory(context);
  const directory: Directory = {
    async lookUp(id) {
      const user = await roster.lookUp(id);
      return user && user !== DEPARTED ? { ...user, platformAccountId: user.platformAccountId ?? from.id, isPlatformAdmin: firstAdmin } : user;
    },
  };
  let member = await ensureMember(deps.ports, { workspaceId: workspace.id, platformUserId, directory, refresh });
  if (member && firstAdmin && member.role !== "admin") {
    member = (await deps.ports.members.setRole(workspace.id, member.platformUserId, "admin", "teams-install")) ?? member;
  }
  return member ?? undefined;
}

/**
 * Workspace, sender and conversation reference of an activity; null when it has no tenant (not from Teams). Nearly
 * always the workspace and the sender are both stored: one statement finds them.
 */
export async function provision(deps: TeamsDeps, context: TurnContext, installer = false): Promise<Provisioned | null> {
  const tenantId = tenantOf(context.activity);
  if (!tenantId) return null;
  const from = context.activity.from;
  const senderId = from?.id && from.role !== "bot" ? from.aadObjectId || from.id : null;
  const found = senderId ? await deps.workspaces.findWithMember("teams", tenantId, senderId) : null;
  const workspace = found && found.workspace.name === workspaceNameOf(tenantId) ? found.workspace : await ensureWorkspace(deps, tenantId);
  const member = await ensureSender(deps, context, workspace, installer, found ? found.member : undefined);
  await saveConversation(deps, context, workspace.id, member?.platformUserId ?? null);
  return { workspace, member };
}
