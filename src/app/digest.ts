// The daily lead digest (PRODUCT.md §4): built for a workspace and the local day it is delivered on, from the data of
// the days since the previous digest's; previewed privately by leads (/wowbot digest) and printed by `wowbot digest
// --print`.

import { localDate } from "../domain/local-time.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { type DigestFacts, type DigestView, digestView } from "../views/digest.js";
import { may } from "./policy.js";
import { teamNamed } from "./team-named.js";
import type { TeamStore } from "./teams.ports.js";

/** The digest's reads: a fixed number of queries whatever the size of the team or its history. */
export interface DigestSource {
  /** Facts for the digest delivered on `day`, covering the days since those the previous digest covered. */
  facts(workspace: WorkspaceRecord, day: string, teamId?: string): Promise<DigestFacts>;
}

/**
 * The digest delivered on `day` (a local date in the workspace time zone). `closePending`: it goes out before the
 * day's attendance run (period close) finished, so it says the close results may be missing.
 */
export async function buildDigest(
  source: DigestSource,
  workspace: WorkspaceRecord,
  day: string,
  options: { preview?: boolean; closePending?: boolean; teamId?: string } = {},
): Promise<DigestView> {
  return digestView(await source.facts(workspace, day, options.teamId), options);
}

/**
 * Today's digest, privately, for a lead or admin; agents are refused (the use case checks, not only the UI). Once teams
 * exist a lead previews their team's (the first they lead; `teamName` another of theirs) and an admin the workspace's
 * or any team's.
 */
export async function previewDigest(
  ports: { digest: DigestSource; clock: { now(): Date }; teams: Pick<TeamStore, "anyTeam" | "ledBy" | "findByName" | "list"> },
  input: { workspace: WorkspaceRecord; member: MemberRecord; teamName?: string },
): Promise<Result<DigestView>> {
  const { workspace, member } = input;
  const refused = may(member, "digest.preview");
  if (refused) return fail(refused);
  const today = localDate(ports.clock.now(), workspace.timezone);
  const preview = (teamId?: string) => buildDigest(ports.digest, workspace, today, { preview: true, teamId });
  if (input.teamName !== undefined) {
    const team = await teamNamed(ports.teams, workspace, input.teamName);
    if (!team.ok) return team;
    if (member.role !== "admin" && !team.value.leads.some((l) => l.id === member.id)) {
      return fail({ code: "TEAM.NOT_YOURS", message: `You don't lead ${team.value.name}: only its leads and admins see its digest.` });
    }
    return ok(await preview(team.value.id));
  }
  if (member.role === "admin" || !(await ports.teams.anyTeam(workspace.id))) return ok(await preview());
  const [led] = await ports.teams.ledBy(member.id);
  if (!led) return fail({ code: "DIGEST.NO_TEAM", message: "You don't lead a team yet, so there's no digest of yours: an admin can make you one's lead." });
  return ok(await preview(led.id));
}
