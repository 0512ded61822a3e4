// Members are provisioned on first sight: looked up on the platform, stored with their initial role, and refreshed
// when a rule depends on their current state (a nominee who was deactivated yesterday).

import type { MemberRecord, PlatformUser } from "../domain/records.js";
import { initialRole } from "../domain/roles.js";
import { withConfiguredRole } from "./configured-admins.js";
import { DEPARTED, type Directory } from "./members.ports.js";
import type { Ports } from "./ports.js";

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
  if (known && !input.refresh) return withConfiguredRole(ports, known);
  const user = await input.directory.lookUp(input.platformUserId);
  if (user === DEPARTED) return known && (await departed(ports, known));
  if (!user) return known && withConfiguredRole(ports, known);
  if (!known) return withConfiguredRole(ports, await save(ports, input.workspaceId, user));
  return withConfiguredRole(ports, await updateKnownMember(ports, known, user, user.remembered ? input.directory : undefined));
}

/**
 * Stores what the platform says of a known member, or nothing when it changes nothing: every /wow refreshes its
 * nominee, and an upsert per request that almost never changed anything was a large share of the CPU under load
 * (bench/README.md). An answer that may be stale is only a reason to ask: a remembered one (another replica may have
 * stored a change Slack announced to it) or an announced one (Slack retries an event it could not deliver, so an old
 * profile can arrive after a deactivation). Given `confirmWith`, only the platform's current answer is written.
 */
export async function updateKnownMember(ports: MemberPorts, known: MemberRecord, user: PlatformUser, confirmWith?: Directory): Promise<MemberRecord> {
  if (sameProfile(known, user)) return known;
  const current = confirmWith ? await confirmWith.lookUp(known.platformUserId, { fresh: true }) : user;
  if (current === DEPARTED) return departed(ports, known);
  return current && !sameProfile(known, current) ? save(ports, known.workspaceId, current) : known;
}

/**
 * A member the platform says is gone is stored inactive, so every rule that refuses deactivated people refuses them
 * (a nominee, an attendance record); their history stays. Only a definite answer counts: a failure is not departure.
 */
async function departed(ports: MemberPorts, known: MemberRecord): Promise<MemberRecord> {
  if (!known.active) return known;
  return (await ports.members.markDeparted(known.workspaceId, known.platformUserId)) ?? known;
}

// Platform owners and admins stand in for "the installer" when the app was installed with a plain bot token.
const save = (ports: MemberPorts, workspaceId: string, user: PlatformUser) =>
  ports.members.saveFromPlatform(workspaceId, user, initialRole(user.platformUserId, ports.admins, user.isPlatformAdmin), ports.clock.now());

/** True when storing `user` would change nothing in `known` (a Teams refresh used to write every time). */
function sameProfile(known: MemberRecord, user: PlatformUser): boolean {
  return (
    (user.platformAccountId === undefined || user.platformAccountId === known.platformAccountId) &&
    known.displayName === user.displayName &&
    known.email === user.email &&
    known.timezone === user.timezone &&
    known.active === !user.deleted &&
    known.isBot === user.isBot &&
    known.isGuest === user.isGuest &&
    known.isExternal === user.isExternal
  );
}
