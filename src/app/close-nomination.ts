// Taking a nomination back: the nominator may retract within an hour; admins may remove one at any time
// (audit-logged). Either way the post is updated to say so, never silently deleted.

import { humanDuration } from "../domain/local-time.js";
import { RETRACT_WINDOW_MS } from "../domain/nomination.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { outboxKey, outboxMessage } from "./outbox-messages.js";
import { may } from "./policy.js";
import type { Ports } from "./ports.js";

export async function closeNomination(
  ports: Pick<Ports, "nominations" | "clock">,
  input: { workspace: WorkspaceRecord; member: MemberRecord; nominationId: string; how: "retract" | "remove" },
): Promise<Result<{ status: "retracted" | "removed" }>> {
  const { workspace, member, how } = input;
  const nomination = await ports.nominations.find(input.nominationId);
  if (!nomination || nomination.workspaceId !== workspace.id) return fail({ code: "NOMINATION.NOT_FOUND", message: "That nomination doesn't exist any more." });
  if (nomination.status !== "active") return fail({ code: "NOMINATION.NOT_ACTIVE", message: `That nomination was already ${nomination.status}.` });
  const now = ports.clock.now();
  if (how === "retract") {
    if (nomination.nominatorId !== member.id) return fail({ code: "RETRACT.NOT_NOMINATOR", message: "Only the person who made a nomination can retract it." });
    const age = now.getTime() - nomination.createdAt.getTime();
    if (age > RETRACT_WINDOW_MS) {
      return fail({
        code: "RETRACT.TOO_LATE",
        message: `Nominations can be retracted within an hour; this one is ${humanDuration(age)} old. Ask an admin if it must come down.`,
      });
    }
  } else {
    const refused = may(member, "nomination.remove");
    if (refused) return fail(refused);
  }
  const status = how === "retract" ? "retracted" : "removed";
  const closed = await ports.nominations.close({
    id: nomination.id,
    status,
    by: member,
    at: now,
    update: {
      workspaceId: workspace.id,
      target: { kind: "update", of: outboxKey.nominationPost(nomination.id) },
      payload: outboxMessage.nominationPost(nomination.id),
      dedupeKey: outboxKey.nominationChange(nomination.id, status),
    },
  });
  if (!closed) return fail({ code: "NOMINATION.NOT_ACTIVE", message: "That nomination was just retracted or removed." });
  return ok({ status });
}
