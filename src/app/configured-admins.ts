// WOWBOT_ADMINS is authoritative, not a first-sight default: whoever it lists is admin, at start-up and whenever they
// are provisioned, so that admins can always get back in (issue 16). Each promotion is audit-logged with the variable
// as the actor. A deactivated person or a bot is never promoted.
import type { MemberRecord } from "../domain/records.js";
import type { Ports } from "./ports.js";

/** The audit log's actor for role changes WOWBOT_ADMINS makes. */
export const CONFIGURED_ADMINS = "config:WOWBOT_ADMINS";

type AdminPorts = Pick<Ports, "members" | "admins">;

const promotable = (ports: AdminPorts, member: MemberRecord) =>
  member.role !== "admin" && member.active && !member.isBot && ports.admins.includes(member.platformUserId);

/** The member, made admin first when WOWBOT_ADMINS lists them and they are not. */
export async function withConfiguredRole(ports: AdminPorts, member: MemberRecord): Promise<MemberRecord> {
  if (!promotable(ports, member)) return member;
  return (await ports.members.setRole(member.workspaceId, member.platformUserId, "admin", CONFIGURED_ADMINS)) ?? member;
}

/** At start-up: every listed member of every workspace who is not admin becomes one. Returns those promoted. */
export async function applyConfiguredAdmins(ports: AdminPorts): Promise<MemberRecord[]> {
  if (ports.admins.length === 0) return [];
  const promoted: MemberRecord[] = [];
  for (const member of await ports.members.findEverywhere(ports.admins)) {
    if (promotable(ports, member)) promoted.push(await withConfiguredRole(ports, member));
  }
  return promoted;
}

/** Whether a role change would be undone by the configuration: a listed admin cannot be demoted by hand. */
export function isConfiguredAdmin(ports: Pick<Ports, "admins">, member: MemberRecord): boolean {
  return ports.admins.includes(member.platformUserId);
}
