// Member roles and what each may do; use cases check these, not only the UI.

export const ROLES = ["agent", "lead", "admin"] as const;
export type Role = (typeof ROLES)[number];

const rank: Record<Role, number> = { agent: 0, lead: 1, admin: 2 };

/** Admins can do everything a lead can, leads everything an agent can. */
export function hasRole(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}

/** The role a member gets when first seen: admin when listed in WOWBOT_ADMINS (or the installer), else agent. */
export function initialRole(platformUserId: string, admins: readonly string[], isInstaller = false): Role {
  return isInstaller || admins.includes(platformUserId) ? "admin" : "agent";
}
