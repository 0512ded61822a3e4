// A team named in a command: the live team of that name (any case), or the refusal that names the teams there are.
import type { WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import type { TeamDetail, TeamStore } from "./teams.ports.js";

export async function teamNamed(teams: Pick<TeamStore, "findByName" | "list">, workspace: WorkspaceRecord, name: string): Promise<Result<TeamDetail>> {
  const team = await teams.findByName(workspace.id, name.trim());
  if (team) return ok(team);
  const all = await teams.list(workspace.id);
  const known = all.length ? ` Teams: ${all.map((t) => t.name).join(", ")}.` : " There are no teams yet.";
  return fail({ code: "TEAM.UNKNOWN", message: `There's no team called "${name.trim()}".${known}` });
}
