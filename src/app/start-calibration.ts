// Starting a blind calibration (PRODUCT.md §9): a lead names the agent, the interaction and the other leads; each of
// them and the starter get an invitation with a Score button, all written in one transaction. Nothing goes to the agent.
import { calibrationDeadline } from "../domain/calibration.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { SCORE_REFERENCE_MAX } from "../domain/scorecard.js";
import type { CalibrationRecord } from "./calibration.ports.js";
import { outboxKey, outboxMessage } from "./outbox-messages.js";
import { may } from "./policy.js";
import type { Ports } from "./ports.js";

export interface StartCalibrationInput {
  workspace: WorkspaceRecord;
  starter: MemberRecord;
  agent: MemberRecord;
  /** The leads named besides the starter (the starter may be among them; repeats count once). */
  leads: MemberRecord[];
  reference: string;
  requestKey: string | null;
}

export interface StartedCalibration {
  calibration: CalibrationRecord;
  /** The other leads taking part, as named. */
  others: MemberRecord[];
  replayed: boolean;
}

const refuse = (code: string, message: string): Result<never, DomainError> => fail({ code, message });

export async function startCalibration(ports: Pick<Ports, "calibrations" | "clock">, input: StartCalibrationInput): Promise<Result<StartedCalibration>> {
  const { workspace, starter, agent } = input;
  const notLead = may(starter, "calibration.start");
  if (notLead) return fail(notLead);
  const others = [...new Map(input.leads.filter((l) => l.id !== starter.id).map((l) => [l.id, l])).values()];
  if (input.requestKey) {
    const existing = await ports.calibrations.findByRequestKey(input.requestKey);
    if (existing) return ok({ calibration: existing, others, replayed: true });
  }
  const reference = input.reference.trim();
  if (!reference) return refuse("CALIBRATION.REFERENCE_MISSING", "Say which interaction: a ticket, call or chat id, or a link.");
  if (reference.length > SCORE_REFERENCE_MAX) {
    return refuse("CALIBRATION.REFERENCE_TOO_LONG", `The reference can be at most ${SCORE_REFERENCE_MAX} characters (it has ${reference.length}).`);
  }
  if (agent.id === starter.id) return refuse("CALIBRATION.SELF", "You can't calibrate your own interaction: name another agent.");
  if (agent.isBot || !agent.active) {
    return refuse("CALIBRATION.AGENT_UNAVAILABLE", `${agent.displayName} is ${agent.isBot ? "a bot" : "deactivated"}, so there's nothing to calibrate.`);
  }
  for (const lead of others) {
    if (lead.id === agent.id) return refuse("CALIBRATION.AGENT_SCORES", `${agent.displayName} can't take part in calibrating their own interaction.`);
    if (lead.isBot || !lead.active)
      return refuse("CALIBRATION.LEAD_UNAVAILABLE", `${lead.displayName} is ${lead.isBot ? "a bot" : "deactivated"}: name leads who can score.`);
    // Whoever takes part may start one: the same rule (policy.ts), asked of each lead named.
    if (may(lead, "calibration.start")) {
      return refuse("CALIBRATION.NOT_A_LEAD", `${lead.displayName} is an agent: only leads and admins take part in a calibration.`);
    }
  }
  if (others.length === 0) return refuse("CALIBRATION.NO_ONE", "Name at least one other lead to calibrate with.");
  const now = ports.clock.now();
  const participants = [starter, ...others];
  const calibration = await ports.calibrations.start(
    {
      workspaceId: workspace.id,
      agentId: agent.id,
      startedById: starter.id,
      reference,
      deadline: calibrationDeadline(now, workspace.timezone, workspace.settings.workdays),
      createdAt: now,
      requestKey: input.requestKey,
      participantIds: participants.map((p) => p.id),
    },
    (c) =>
      participants.map((p) => ({
        workspaceId: workspace.id,
        target: { kind: "dm", platformUserId: p.platformUserId },
        payload: outboxMessage.calibrationInvite(c.id),
        dedupeKey: outboxKey.calibrationInvite(c.id, p.id),
      })),
    starter.platformUserId,
  );
  return ok({ calibration, others, replayed: false });
}
