// "Second this": one per member, never by the nominee or the nominator; the post's count updates in place.

import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { outboxKey, outboxMessage } from "./outbox-messages.js";
import type { Ports } from "./ports.js";

export interface SecondResult {
  seconds: number;
  /** False when this member had already seconded it (a double click): nothing changed. */
  added: boolean;
}

export async function secondNomination(
  ports: Pick<Ports, "nominations" | "clock">,
  input: { workspace: WorkspaceRecord; member: MemberRecord; nominationId: string },
): Promise<Result<SecondResult>> {
  const { workspace, member, nominationId } = input;
  const nomination = await ports.nominations.find(nominationId);
  // An id from another workspace is treated exactly like an unknown one.
  if (!nomination || nomination.workspaceId !== workspace.id) return fail({ code: "NOMINATION.NOT_FOUND", message: "That nomination doesn't exist any more." });
  if (nomination.status !== "active") {
    return fail({ code: "NOMINATION.NOT_ACTIVE", message: `That nomination was ${nomination.status}, so it can't be seconded.` });
  }
  if (nomination.nomineeId === member.id) return fail({ code: "SECOND.NOMINEE", message: "This one is about you, so you can't second it. Enjoy it!" });
  if (nomination.nominatorId === member.id) return fail({ code: "SECOND.NOMINATOR", message: "You made this nomination, so you can't second it too." });
  const outcome = await ports.nominations.second(
    nomination.id,
    member.id,
    {
      workspaceId: workspace.id,
      target: { kind: "update", of: outboxKey.nominationPost(nomination.id) },
      payload: outboxMessage.nominationPost(nomination.id),
      dedupeKey: outboxKey.nominationSeconded(nomination.id, member.id),
    },
    ports.clock.now(),
  );
  return ok({ seconds: await ports.nominations.countSeconds(nomination.id), added: outcome === "created" });
}
