// Teams people as platform-neutral PlatformUsers, from the conversation roster (TeamsInfo.getMember), which
// accepts either the AAD object id or the per-bot "29:" account id.
import { type TeamsChannelAccount, TeamsInfo, type TurnContext } from "botbuilder";
import { DEPARTED, type Directory } from "../../app/members.ports.js";
import type { PlatformUser } from "../../domain/records.js";
import { tenantOf } from "./conversations.js";

/**
 * A roster member as a PlatformUser. Teams marks guests with `userRole: "guest"` (and anonymous meeting users with
 * "anonymous"); someone whose `tenantId` is not the workspace's (`homeTenantId`) belongs to another organisation.
 */
export function toPlatformUser(account: Partial<TeamsChannelAccount>, homeTenantId?: string): PlatformUser {
  return {
    platformUserId: account.aadObjectId || account.id || "",
    displayName: (account.name || account.givenName || account.userPrincipalName || account.id || "unknown").slice(0, 200),
    email: account.email || account.userPrincipalName || null,
    timezone: null,
    isBot: false,
    deleted: false,
    isGuest: account.userRole === "guest" || account.userRole === "anonymous",
    isExternal: Boolean(homeTenantId && account.tenantId && account.tenantId !== homeTenantId),
    isPlatformAdmin: false,
    platformAccountId: account.id ?? null,
  };
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

/**
 * Looks people up in the activity's conversation. When the roster cannot say (a 1:1 chat roster is the two
 * parties; some channels refuse), the activity's sender is still described from the activity itself. A 404 for
 * anyone else is Teams saying they are not a member any more (removed from the team or the tenant): DEPARTED. A
 * 5xx is Teams failing, not the person leaving.
 */
export function teamsDirectory(context: TurnContext): Directory {
  const from = context.activity.from;
  const tenant = tenantOf(context.activity);
  return {
    async lookUp(id) {
      try {
        return toPlatformUser(await TeamsInfo.getMember(context, id), tenant);
      } catch (error) {
        const status = statusOf(error);
        if (status !== undefined && status >= 500) throw error;
        if (from && (from.aadObjectId === id || from.id === id)) return toPlatformUser(from, tenant);
        return status === 404 ? DEPARTED : null;
      }
    },
  };
}
