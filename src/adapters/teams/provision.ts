// Every activity works with stored records: the tenant's workspace and the sender as a member are found or created
// (the sender looked up in the roster for their email and account id), and the conversation is remembered.
import type { TurnContext } from "botbuilder";
import { ensureMember } from "../../app/ensure-member.js";
import { DEPARTED, type Directory, type MemberRecord, type WorkspaceRecord } from "../../app/ports.js";
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

export async function ensureWorkspace(deps: TeamsDeps, context: TurnContext): Promise<WorkspaceRecord | null> {
  const tenantId = tenantOf(context.activity);
  if (!tenantId) return null;
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

/** The sender as a member; `installer` makes them admin when the workspace has no admin yet. */
export async function ensureSender(deps: TeamsDeps, context: TurnContext, workspace: WorkspaceRecord, installer = false): Promise<MemberRecord | undefined> {
  const from = context.activity.from;
  if (!from?.id || from.role === "bot") return undefined;
  const platformUserId = from.aadObjectId || from.id;
  const firstAdmin = installer && (await deps.ports.members.countByRole(workspace.id, "admin")) === 0;
  const known = await deps.ports.members.find(workspace.id, platformUserId);
  // Known members are refreshed only when their account id is missing (created by an import, or by a mention).
  const refresh = Boolean(known) && !(await deps.accounts.accountIdOf(workspace.id, platformUserId));
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

/** Workspace, sender and conversation reference of an activity; null when it has no tenant (not from Teams). */
export async function provision(deps: TeamsDeps, context: TurnContext, installer = false): Promise<Provisioned | null> {
  const workspace = await ensureWorkspace(deps, context);
  if (!workspace) return null;
  const member = await ensureSender(deps, context, workspace, installer);
  await saveConversation(deps, context, workspace.id, member?.platformUserId ?? null);
  return { workspace, member };
}
