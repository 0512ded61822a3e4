// `/wowbot role @user agent|lead|admin`: admins only, audit-logged, and never leaving a workspace without an admin.

import { fail, ok, type Result } from "../domain/result.js";
import { hasRole, type Role } from "../domain/roles.js";
import type { MemberRecord, Ports, WorkspaceRecord } from "./ports.js";

export async function changeRole(
  ports: Pick<Ports, "members">,
  input: { workspace: WorkspaceRecord; actor: MemberRecord; target: MemberRecord; role: Role },
): Promise<Result<{ member: MemberRecord; changed: boolean }>> {
  const { workspace, actor, target, role } = input;
  if (!hasRole(actor.role, "admin")) return fail({ code: "ROLE.NOT_ADMIN", message: "Only admins can change roles." });
  if (target.isBot) return fail({ code: "ROLE.BOT", message: `${target.displayName} is a bot, so it can't have a role.` });
  if (target.role === role) return ok({ member: target, changed: false });
  if (target.role === "admin" && (await ports.members.countByRole(workspace.id, "admin")) <= 1) {
    return fail({ code: "ROLE.LAST_ADMIN", message: `${target.displayName} is the only admin. Make someone else admin first.` });
  }
  const member = await ports.members.setRole(workspace.id, target.platformUserId, role, actor.platformUserId);
  if (!member) return fail({ code: "ROLE.UNKNOWN_MEMBER", message: "I don't know that person yet." });
  return ok({ member, changed: true });
}
