// `/wowbot role @user agent|lead|admin` and `wowbot role` on the CLI: admins only (the CLI is the operator's recovery
// path), audit-logged, never leaving a workspace without an admin, never promoting a deactivated person, and never
// undoing WOWBOT_ADMINS by hand (the variable would restore the role at the next start).

import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { hasRole, type Role } from "../domain/roles.js";
import { isConfiguredAdmin } from "./configured-admins.js";
import { may } from "./policy.js";
import type { Ports } from "./ports.js";

/** The audit log's actor for changes made with the `wowbot` command. */
export const CLI_ACTOR = "cli";

export async function changeRole(
  ports: Pick<Ports, "members" | "admins">,
  input: { workspace: WorkspaceRecord; actor: MemberRecord | typeof CLI_ACTOR; target: MemberRecord; role: Role },
): Promise<Result<{ member: MemberRecord; changed: boolean }>> {
  const { workspace, actor, target, role } = input;
  const refused = may(actor, "roles.change");
  if (refused) return fail(refused);
  if (target.isBot) return fail({ code: "ROLE.BOT", message: `${target.displayName} is a bot, so it can't have a role.` });
  if (target.role === role) return ok({ member: target, changed: false });
  if (!target.active && hasRole(role, "lead") && !hasRole(target.role, role)) {
    return fail({ code: "ROLE.INACTIVE", message: `${target.displayName} is deactivated, so they can't be made ${role === "lead" ? "a lead" : "an admin"}.` });
  }
  if (target.role === "admin" && (await ports.members.countByRole(workspace.id, "admin")) <= 1) {
    return fail({ code: "ROLE.LAST_ADMIN", message: `${target.displayName} is the only admin. Make someone else admin first.` });
  }
  if (target.role === "admin" && isConfiguredAdmin(ports, target)) {
    return fail({
      code: "ROLE.CONFIGURED_ADMIN",
      message: `${target.displayName} is an admin through WOWBOT_ADMINS: take them off that list first, or the next start makes them admin again.`,
    });
  }
  const member = await ports.members.setRole(workspace.id, target.platformUserId, role, actor === CLI_ACTOR ? CLI_ACTOR : actor.platformUserId);
  if (!member) return fail({ code: "ROLE.UNKNOWN_MEMBER", message: "I don't know that person yet." });
  return ok({ member, changed: true });
}
