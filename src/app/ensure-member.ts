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

/** The member, or null when the platform does not know the user either. */
export async function ensureMember(ports: Pick<Ports, "members" | "admins" | "clock">, input: EnsureMemberInput): Promise<MemberRecord | null> {
  const known = await ports.members.find(input.workspaceId, input.platformUserId);
  if (known && !input.refresh) return known;
  const user = await input.directory.lookUp(input.platformUserId);
  if (!user) return known;
  // Every /wow refreshes its nominee: an upsert per request that almost never changes anything was a large share of
  // the CPU under load (bench/README.md), so a known member whose profile is unchanged is not written again.
  if (known && sameProfile(known, user)) return known;
  // Platform owners and admins stand in for "the installer" when the app was installed with a plain bot token.
  return ports.members.saveFromPlatform(input.workspaceId, user, initialRole(user.platformUserId, ports.admins, user.isPlatformAdmin), ports.clock.now());
}

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
