// A lead's blind score in a calibration: only its participants, only while it is open (scoring again replaces their
// answers), weighted by the workspace's weights. The last score reveals it in the same transaction. Calibration
// scores are not quick scores: they never count for the agent and nothing is sent to them.
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { scoreDraft } from "../domain/scorecard.js";
import { CALIBRATION_CLOSED, CALIBRATION_NOT_FOUND, CALIBRATION_NOT_PARTICIPANT } from "../views/calibration.js";
import type { FormView } from "../views/forms.js";
import type { CalibrationRecord } from "./calibration.ports.js";
import type { Ports } from "./ports.js";
import { revealMessages } from "./reveal-calibrations.js";

type CalibrationPorts = Pick<Ports, "calibrations" | "members" | "clock">;

/** The calibration, if this member may score it now; else why not. */
async function openSeat(ports: CalibrationPorts, workspace: WorkspaceRecord, member: MemberRecord, calibrationId: string): Promise<Result<CalibrationRecord>> {
  const c = await ports.calibrations.find(calibrationId);
  if (!c || c.workspaceId !== workspace.id) return fail({ code: "CALIBRATION.NOT_FOUND", message: CALIBRATION_NOT_FOUND });
  if (!c.participants.some((p) => p.memberId === member.id)) return fail({ code: "CALIBRATION.NOT_PARTICIPANT", message: CALIBRATION_NOT_PARTICIPANT });
  if (c.revealedAt || c.deadline <= ports.clock.now()) return fail({ code: "CALIBRATION.CLOSED", message: CALIBRATION_CLOSED });
  return ok(c);
}

/** The Score button: the calibration form, with the lead's earlier answers when they scored already. */
export async function calibrationForm(
  ports: CalibrationPorts,
  input: { workspace: WorkspaceRecord; member: MemberRecord; calibrationId: string },
): Promise<Result<Extract<FormView, { kind: "form.calibration" }>>> {
  const seat = await openSeat(ports, input.workspace, input.member, input.calibrationId);
  if (!seat.ok) return seat;
  const c = seat.value;
  const agent = await ports.members.findById(c.agentId);
  if (!agent) return fail({ code: "CALIBRATION.NOT_FOUND", message: CALIBRATION_NOT_FOUND });
  const mine = c.participants.find((p) => p.memberId === input.member.id);
  const a = mine?.answers;
  return ok({
    kind: "form.calibration",
    calibrationId: c.id,
    agent: { platformUserId: agent.platformUserId, displayName: agent.displayName },
    reference: c.reference,
    answers: a ? { connection: String(a.connection), rapport: a.rapport, unstatedNeeds: a.unstatedNeeds, wow: a.wow, note: mine?.note ?? null } : null,
  });
}

export interface CalibrationAnswersDraft {
  connection: number;
  rapport: string;
  unstatedNeeds: string;
  wow: string;
  note: string | null;
}

export interface ScoredSeat {
  score: number;
  scored: number;
  of: number;
  revealed: boolean;
  replaced: boolean;
}

export async function scoreCalibration(
  ports: CalibrationPorts,
  input: { workspace: WorkspaceRecord; member: MemberRecord; calibrationId: string; draft: CalibrationAnswersDraft },
): Promise<Result<ScoredSeat, DomainError>> {
  const { workspace, member } = input;
  const seat = await openSeat(ports, workspace, member, input.calibrationId);
  if (!seat.ok) return seat;
  const c = seat.value;
  // The quick score's own checks of the answers; the calibration fixed the reference, and it asks no channel.
  const weights = workspace.settings.scoreWeights;
  const valid = scoreDraft({ reference: c.reference, channel: "phone", answers: input.draft, note: input.draft.note }, weights);
  if (!valid.ok) return fail(valid.error);
  const { score } = valid;
  const result = await ports.calibrations.score(
    { calibrationId: c.id, memberId: member.id, answers: valid.value.answers, weights, score, note: valid.value.note, at: ports.clock.now() },
    revealMessages,
    member.platformUserId,
  );
  if (result.status === "closed") return fail({ code: "CALIBRATION.CLOSED", message: CALIBRATION_CLOSED });
  if (result.status === "not_participant") return fail({ code: "CALIBRATION.NOT_PARTICIPANT", message: CALIBRATION_NOT_PARTICIPANT });
  return ok({ score, scored: result.scored, of: result.of, revealed: result.revealed, replaced: result.replaced });
}
