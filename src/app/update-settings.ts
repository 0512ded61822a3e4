// Workspace settings changes: admins only; the whole result is validated and stored (audit-logged) or refused whole.

import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import type { WorkspaceSettings } from "../domain/settings.js";
import { may } from "./policy.js";
import type { Ports } from "./ports.js";
import type { SettingName, SettingsPatch } from "./settings.ports.js";

export async function updateSettings(
  ports: Pick<Ports, "settings">,
  input: { workspace: WorkspaceRecord; actor: MemberRecord; patch: SettingsPatch },
): Promise<Result<{ settings: WorkspaceSettings; changed: SettingName[] }, DomainError & { problems?: Array<{ field: string; message: string }> }>> {
  const refused = may(input.actor, "settings.change");
  if (refused) return fail(refused);
  const result = await ports.settings.updateSettings(input.workspace.id, input.patch, input.actor.platformUserId);
  if (!result.ok) {
    const [first] = result.problems;
    return fail({ code: "SETTINGS.INVALID", field: first?.field, message: first?.message ?? "invalid settings", problems: result.problems });
  }
  return ok({ settings: result.settings, changed: result.changed });
}
