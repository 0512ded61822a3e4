// Submitted forms, platform-neutral: the adapter reads its inputs into neutral values (platform user ids, plain
// strings) and gets back a confirmation screen or problems keyed by the form's domain field names (FORM_FIELDS).

import { requestPaidDay } from "../app/paid-days.js";
import { may } from "../app/policy.js";
import { recordAttendance } from "../app/record-attendance.js";
import { recordQuickScore } from "../app/record-quick-score.js";
import { askForReview } from "../app/score-reviews.js";
import { submitNomination } from "../app/submit-nomination.js";
import { updateSettings } from "../app/update-settings.js";
import { formatHours, occurrenceTypeOf } from "../domain/attendance.js";
import type { BehaviourId } from "../domain/nomination.js";
import { FORM_FIELDS, type FormErrors, type FormKind, type FormValues } from "../views/forms.js";
import { notice } from "../views/notice.js";
import { settingsSaved } from "../views/settings-saved.js";
import { submitCalibrationForm } from "./calibrate.js";
import { type FormOutcome, problem } from "./form-outcome.js";
import { type ChatRequest, cmd, isKnown, NOT_PROVISIONED, noteRefusal, PERSON_NOT_FOUND } from "./request.js";

/** Submits one form; a refused submission (problems shown beside its inputs) is logged with them. */
export async function submitForm<K extends FormKind>(req: ChatRequest, kind: K, values: FormValues[K]): Promise<FormOutcome> {
  const outcome = await formOutcome(req, kind, values);
  if ("errors" in outcome) noteRefusal(req, kind, outcome.errors);
  return outcome;
}

function formOutcome<K extends FormKind>(req: ChatRequest, kind: K, values: FormValues[K]): Promise<FormOutcome> {
  switch (kind) {
    case "form.nomination":
      return submitNominationForm(req, values as FormValues["form.nomination"]);
    case "form.score":
      return submitScoreForm(req, values as FormValues["form.score"]);
    case "form.attendance":
      return submitAttendanceForm(req, values as FormValues["form.attendance"]);
    case "form.paid_day":
      return submitPaidDayForm(req, values as FormValues["form.paid_day"]);
    case "form.review":
      return submitReviewForm(req, values as FormValues["form.review"]);
    case "form.calibration":
      return submitCalibrationForm(req, values as FormValues["form.calibration"]);
    default:
      return submitSettingsForm(req, values as FormValues["form.settings"]);
  }
}

async function submitNominationForm(req: ChatRequest, values: FormValues["form.nomination"]): Promise<FormOutcome> {
  const kind = "form.nomination";
  if (!isKnown(req) || !values.nominee) return problem(kind, "nominee", "Choose who made the wow moment.");
  const nominee = await req.resolveMember(values.nominee, { refresh: true });
  if (!nominee) return problem(kind, "nominee", PERSON_NOT_FOUND);
  const result = await submitNomination(req.ports, {
    workspace: req.workspace,
    nominator: req.member,
    nominee,
    draft: { story: values.story, reference: values.reference, behaviours: values.behaviours as BehaviourId[] },
    sourceChannel: req.channel,
    requestKey: req.requestKey,
  });
  if (!result.ok) return problem(kind, result.error.field, result.error.message);
  const { nomination, replayed, postChannel } = result.value;
  return { ok: { title: "Nomination sent", view: { kind: "nomination.confirmation", nominationId: nomination.id, nominee, postChannel, replayed } } };
}

async function submitScoreForm(req: ChatRequest, values: FormValues["form.score"]): Promise<FormOutcome> {
  const kind = "form.score";
  if (!isKnown(req) || !values.agent) return problem(kind, "agent", "Choose the agent whose interaction you scored.");
  // Checked before the agent is looked up: a forged submission by an agent must not reach Slack's directory or
  // rewrite a member row (the use case checks it again).
  const refused = may(req.member, "score.record");
  if (refused) return problem(kind, "agent", refused.message);
  const agent = await req.resolveMember(values.agent, { refresh: true });
  if (!agent) return problem(kind, "agent", PERSON_NOT_FOUND);
  const result = await recordQuickScore(req.ports, {
    workspace: req.workspace,
    scorer: req.member,
    agent,
    draft: {
      reference: values.reference,
      channel: values.channel,
      answers: { connection: Number(values.connection || Number.NaN), rapport: values.rapport, unstatedNeeds: values.unstatedNeeds, wow: values.wow },
      note: values.note,
    },
    requestKey: req.requestKey,
    reviewId: values.reviewId,
  });
  if (!result.ok) return problem(kind, result.error.field, result.error.message);
  const { score, superseded, metGoal } = result.value;
  const replaced = superseded ? ` It replaces the earlier score of ${superseded.score}.` : "";
  if (values.reviewId) {
    const text = `Rescored: <@${agent.platformUserId}> now has *${score.score}/100*${metGoal ? ", meeting the goal" : ""}.${replaced} The review is closed and they'll be told by DM.`;
    return { ok: { title: "Score saved", view: notice("success", text, [agent]) } };
  }
  const text = `Saved: <@${agent.platformUserId}> scored *${score.score}/100*${metGoal ? ", meeting the goal" : ""}.${replaced} They'll get the details by DM.`;
  return { ok: { title: "Score saved", view: notice("success", text, [agent]) } };
}

async function submitReviewForm(req: ChatRequest, values: FormValues["form.review"]): Promise<FormOutcome> {
  const kind = "form.review";
  if (!isKnown(req)) return problem(kind, "reason", NOT_PROVISIONED);
  const result = await askForReview(req.ports, { workspace: req.workspace, agent: req.member, scoreId: values.scoreId ?? "", reason: values.reason });
  if (!result.ok) return problem(kind, result.error.field, result.error.message);
  const names = result.value.reviewers.map((r) => r.displayName).join(", ");
  return { ok: { title: "Review asked", view: notice("success", `Asked for a review. ${names} will look at it again; you'll get a DM with the outcome.`) } };
}

async function submitAttendanceForm(req: ChatRequest, values: FormValues["form.attendance"]): Promise<FormOutcome> {
  const kind = "form.attendance";
  if (!isKnown(req) || !values.member) return problem(kind, "member", "Choose the agent.");
  const type = occurrenceTypeOf(values.type);
  if (!type) return problem(kind, "type", "Choose absence, late arrival or excused absence.");
  if (!values.date) return problem(kind, "date", "Choose the date.");
  // As for scores: a forged submission by an agent is refused before the member is looked up and refreshed.
  const refused = may(req.member, "attendance.record");
  if (refused) return problem(kind, "member", refused.message);
  const member = await req.resolveMember(values.member, { refresh: true });
  if (!member) return problem(kind, "member", PERSON_NOT_FOUND);
  const { workspace, member: lead } = req;
  const result = await recordAttendance(req.ports, { workspace, lead, member, date: values.date, type, note: values.note });
  if (!result.ok) return problem(kind, result.error.field, result.error.message);
  return { ok: { title: "Attendance", view: notice(result.value.status === "recorded" ? "success" : "info", result.value.message) } };
}

async function submitPaidDayForm(req: ChatRequest, values: FormValues["form.paid_day"]): Promise<FormOutcome> {
  const kind = "form.paid_day";
  if (!isKnown(req)) return problem(kind, "date", NOT_PROVISIONED);
  if (!values.date) return problem(kind, "date", "Choose the day.");
  const { workspace, member } = req;
  const result = await requestPaidDay(req.ports, { workspace, member, date: values.date, note: values.note, requestKey: req.requestKey });
  if (!result.ok) return problem(kind, result.error.field, result.error.message);
  const { request } = result.value;
  const text = `Requested a paid day off on *${request.date}*. ${formatHours(request.hours)} are held while a lead decides; you'll get a DM with the outcome. Cancel it from \`${cmd(req, "pto")}\` while it's pending.`;
  return { ok: { title: "Paid day off", view: notice("success", text) } };
}

/** A settings problem's path ("pointsPerType.late", "rewardTiers.2", "scoreWeights") as the form's field. */
function settingsField(path: string): string {
  const fields: readonly string[] = FORM_FIELDS["form.settings"];
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join(".");
    const field = fields.find((f) => f === prefix || f.startsWith(`${prefix}.`));
    if (field) return field;
  }
  return "scoreGoal";
}

async function submitSettingsForm(req: ChatRequest, patch: FormValues["form.settings"]): Promise<FormOutcome> {
  if (!isKnown(req)) return { errors: { scoreGoal: "Try again in a moment." } };
  const result = await updateSettings(req.ports, { workspace: req.workspace, actor: req.member, patch });
  if (result.ok) return { ok: { title: "Settings", view: settingsSaved(result.value.changed) } };
  const errors: FormErrors = {};
  // Every problem beside its input (the first one per input); nothing was saved.
  for (const p of result.error.problems ?? [{ field: "scoreGoal", message: result.error.message }]) errors[settingsField(p.field)] ??= p.message;
  return { errors };
}
