// Members are provisioned on first sight: looked up on the platform, stored with their initial role, and refreshed
// when a rule depends on their current state (a nominee who was deactivated yesterday).
import { initialRole } from "../domain/roles.js";
import type { Directory, MemberRecord, PlatformUser, Ports } from "./ports.js";

export interface EnsureMemberInput {
  workspaceId: string;
  platformUserId: string;
  directory: Directory;
  /** Ask the platform even when the member is known: for rules about bots and deactivated accounts. */
  refresh?: boolean;
}

type MemberPorts = Pick<Ports, "members" | "admins" | "clock">;

/** The member, or null when the platform does not know the user either. */
export async function ensureMember(ports: MemberPorts, input: EnsureMemberInput): Promise<MemberRecord | null> {
  const known = await ports.members.find(input.workspaceId, input.platformUserId);
  if (known && !input.refresh) return known;
  let user = await input.directory.lookUp(input.platformUserId);
  if (!user) return known;
  // Every /wow refreshes its nominee: an upsert per request that almost never changes anything was a large share of
  // the CPU under load (bench/README.md), so a known member whose profile is unchanged is not written again.
  if (known && sameProfile(known, user)) return known;
  // A remembered answer that disagrees with the stored row may be the stale one (another replica stored a change
  // Slack announced to it), so only the platform's current answer is ever written over a known member.
  if (known && user.remembered) {
    user = await input.directory.lookUp(input.platformUserId, { fresh: true });
    if (!user || sameProfile(known, user)) return known;
  }
  return save(ports, input.workspaceId, user);
}

/**
 * Stores what the platform announced about a person (Slack's user_change) when they are a member already; nobody
 * is added: a workspace's every profile edit must not make its whole staff wowbot members.
 */
export async function updateKnownMember(ports: MemberPorts, workspaceId: string, user: PlatformUser): Promise<MemberRecord | null> {
  const known = await ports.members.find(workspaceId, user.platformUserId);
  if (!known || sameProfile(known, user)) return known;
  return save(ports, workspaceId, user);
}

// Platform owners and admins stand in for "the installer" when the app was installed with a plain bot token.
const save = (ports: MemberPorts, workspaceId: string, user: PlatformUser) =>
  ports.members.saveFromPlatform(workspaceId, user, initialRole(user.platformUserId, ports.admins, user.isPlatformAdmin), ports.clock.now());

/** True when storing `user` would change nothing in `known`. Teams account ids are not in the record, so never equal. */
function sameProfile(known: MemberRecord, user: PlatformUser): boolean {
  return (
    user.platformAccountId === undefined &&
    known.displayName === user.displayName &&
    known.email === user.email &&
    known.timezone === user.timezone &&
    known.active === !user.deleted &&
    known.isBot === user.isBot
  );
}
