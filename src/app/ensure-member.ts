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
  const user = await input.directory.lookUp(input.platformUserId);
  if (!user) return known;
  if (!known) return save(ports, input.workspaceId, user);
  if (sameProfile(known, user)) return known;
  // A remembered answer that disagrees with the stored row may be the stale one (another replica stored a change
  // Slack announced to it), so only the platform's current answer is ever written over a known member.
  const current = user.remembered ? await input.directory.lookUp(input.platformUserId, { fresh: true }) : user;
  return current ? updateKnownMember(ports, known, current) : known;
}

/**
 * Stores what the platform says of a known member (also what Slack's user_change announces), or nothing when it
 * changes nothing: every /wow refreshes its nominee, and an upsert per request that almost never changed anything was
 * a large share of the CPU under load (bench/README.md).
 */
export async function updateKnownMember(ports: MemberPorts, known: MemberRecord, user: PlatformUser): Promise<MemberRecord> {
  return sameProfile(known, user) ? known : save(ports, known.workspaceId, user);
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
