// `/pto` (PRODUCT.md §3, §6): a member's balance, progress, streak and ledger, privately. Members see their own;
// leads may look at anyone's, and nobody else may.

import { localDate } from "../domain/local-time.js";
import { canRequestPaidDay } from "../domain/pto.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { type PtoView, ptoView } from "../views/pto.js";
import { mayActOn } from "./policy.js";
import type { Ports } from "./ports.js";

export async function ptoOverview(
  ports: Pick<Ports, "attendance" | "clock" | "teams">,
  input: { workspace: WorkspaceRecord; viewer: MemberRecord; member: MemberRecord },
): Promise<Result<PtoView, DomainError>> {
  const { workspace, viewer, member } = input;
  const own = viewer.id === member.id;
  const refused = await mayActOn(ports.teams, viewer, "pto.view", member);
  if (refused) return fail(refused);
  const facts = await ports.attendance.ptoFacts(workspace, member, localDate(ports.clock.now(), workspace.timezone));
  return ok(ptoView(facts, own, canRequestPaidDay(facts.balance, facts.hoursPerPaidDay)));
}
