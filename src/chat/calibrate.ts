// Blind calibration in chat, platform-neutral: `score calibrate @agent REF @lead...` (leads) and the calibration
// form's submission. Mentions are looked up here; every rule is checked in the use cases.
import { may } from "../app/policy.js";
import { scoreCalibration } from "../app/score-calibration.js";
import { startCalibration } from "../app/start-calibration.js";
import type { MemberRecord } from "../domain/records.js";
import { calibrateUsage, calibrationScored, calibrationStarted, formatDeadline } from "../views/calibration.js";
import type { FormValues } from "../views/forms.js";
import { notice } from "../views/notice.js";
import { parseCalibrateText } from "./command-text.js";
import { type FormOutcome, problem } from "./form-outcome.js";
import { type ChatRequest, type CommandOutcome, isKnown, NOT_PROVISIONED, PERSON_NOT_FOUND, reply } from "./request.js";

/** `score calibrate @agent REF @lead...`: `text` is what follows `calibrate`. */
export async function calibrateCommand(req: ChatRequest, text: string): Promise<CommandOutcome> {
  if (!isKnown(req)) return reply(notice("error", NOT_PROVISIONED));
  // Refused before anyone named is looked up: an agent's command must not reach the platform's directory.
  const refused = may(req.member, "calibration.start");
  if (refused) return reply(notice("error", refused.message));
  const parsed = parseCalibrateText(text, req.platform.plain);
  if (!parsed) return reply(notice("info", calibrateUsage(req.platform.commandPrefix)));
  const agent = await req.resolveMember(parsed.agent, { refresh: true });
  if (!agent) return reply(notice("error", PERSON_NOT_FOUND));
  const leads: MemberRecord[] = [];
  for (const id of parsed.leads) {
    const lead = id === req.member.platformUserId ? req.member : await req.resolveMember(id, { refresh: true });
    if (!lead) return reply(notice("error", PERSON_NOT_FOUND));
    leads.push(lead);
  }
  const result = await startCalibration(req.ports, {
    workspace: req.workspace,
    starter: req.member,
    agent,
    leads,
    reference: parsed.reference,
    requestKey: req.requestKey,
  });
  if (!result.ok) return reply(notice("error", result.error.message));
  const { calibration, others, replayed } = result.value;
  const deadline = formatDeadline(calibration.deadline, req.workspace.timezone);
  return reply(notice("success", calibrationStarted(agent, calibration.reference, others, deadline, replayed), [agent, ...others]));
}

/** The calibration form's answers: the carried calibration is looked up again (it may be forged). */
export async function submitCalibrationForm(req: ChatRequest, values: FormValues["form.calibration"]): Promise<FormOutcome> {
  const kind = "form.calibration";
  if (!isKnown(req)) return problem(kind, undefined, NOT_PROVISIONED);
  const result = await scoreCalibration(req.ports, {
    workspace: req.workspace,
    member: req.member,
    calibrationId: values.calibrationId ?? "",
    draft: {
      connection: Number(values.connection || Number.NaN),
      rapport: values.rapport,
      unstatedNeeds: values.unstatedNeeds,
      wow: values.wow,
      note: values.note,
    },
  });
  if (!result.ok) return problem(kind, result.error.field, result.error.message);
  const { score, scored, of, revealed, replaced } = result.value;
  return { ok: { title: "Calibration score", view: notice("success", calibrationScored(score, scored, of, revealed, replaced)) } };
}
