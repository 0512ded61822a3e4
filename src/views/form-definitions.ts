// Every form's content, platform-neutral: its inputs with their labels, hints and bounds (numbers bounded by the
// settings schema itself), the words between them, and how the answers a platform delivers become the form's values.
import { z } from "zod";
import type { SettingsPatch } from "../app/settings.ports.js";
import { ATTENDANCE_NOTE_MAX, formatHours, OCCURRENCE_TYPES } from "../domain/attendance.js";
import { BEHAVIOURS, REFERENCE_MAX, STORY_MAX, STORY_MIN } from "../domain/nomination.js";
import { PTO_NOTE_MAX } from "../domain/pto.js";
import { REVIEW_REASON_MAX } from "../domain/review.js";
import { INTERACTION_CHANNELS, NOTE_MAX, QUESTIONS, SCORE_REFERENCE_MAX } from "../domain/scorecard.js";
import { ATTENDANCE_PERIODS, type AttendancePeriodKind, settingsSchema } from "../domain/settings.js";
import { calibrationFormIntro } from "./calibration.js";
import { bold } from "./elements.js";
import { type Choice, type Form, type FormItem, type Input, isInput, type RawAnswers } from "./form-inputs.js";
import { FORM_FIELDS, type FormKind, type FormValues, type FormView } from "./forms.js";

const choice = (value: string, label: string): Choice => ({ value, label });
const YES_PARTLY_NO_NA = [choice("yes", "Yes"), choice("partly", "Partly"), choice("no", "No"), choice("na", "N.a.")];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const PERIOD_LABEL: Record<AttendancePeriodKind, string> = { week: "Week (Monday start)", "two-week": "Two weeks (Monday start)", month: "Calendar month" };
const TYPE_LABEL = { absence: "Absence", late: "Late arrival", excused: "Excused absence" } as const;
const INTERACTION_REFERENCE = "Ticket, call or chat id, or a link";

/** Channels a settings picker lists where the platform has no channel picker (a dialog card must stay small). */
export const CHANNEL_CHOICES_MAX = 50;

/** The settings schema as JSON Schema: the one source of every number input's bounds. */
const SETTINGS_JSON = z.toJSONSchema(settingsSchema, { io: "input" }) as JsonSchema;
interface JsonSchema {
  type?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  multipleOf?: number;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
}

/** A number input for a settings path ("pointsPerType.late"), bounded as the schema bounds it. */
function settingNumber(path: string, label: string, value: number | null, hint?: string): Input {
  let node: JsonSchema | undefined = SETTINGS_JSON;
  for (const key of path.split(".")) node = node?.properties?.[key];
  const n = node?.anyOf?.find((s) => s.type !== "null") ?? node ?? {};
  const step = n.multipleOf ?? (n.type === "integer" ? 1 : 0.01);
  const min = n.minimum ?? (n.exclusiveMinimum ?? 0) + step;
  return {
    kind: "number",
    id: path,
    label,
    min,
    max: n.maximum ?? Number.MAX_SAFE_INTEGER,
    decimal: n.type !== "integer",
    value,
    ...(hint ? { hint } : {}),
    ...(node?.anyOf ? { optional: true } : {}),
  };
}

function nominationForm(form: Extract<FormView, { kind: "form.nomination" }>): Form {
  return {
    title: "Nominate for a wow",
    submit: "Nominate",
    carry: form.channel ? { channel: form.channel } : {},
    size: { width: "medium", height: "large" },
    items: [
      { kind: "person", id: "nominee", label: "Who made the wow moment?", value: form.nominee },
      { kind: "text", id: "reference", label: "Interaction reference", hint: INTERACTION_REFERENCE, optional: true, max: REFERENCE_MAX, value: form.reference },
      {
        kind: "text",
        id: "story",
        label: "What happened?",
        hint: `What they did and why it mattered to the customer (${STORY_MIN}-${STORY_MAX} characters)`,
        max: STORY_MAX,
        multiline: true,
        value: form.story,
      },
      { kind: "choices", id: "behaviours", label: "Behaviours shown", optional: true, options: BEHAVIOURS.map((b) => choice(b.id, b.label)) },
    ],
  };
}

function scoreForm(form: Extract<FormView, { kind: "form.score" }>): Form {
  const question = (key: string, n: number): string => `${n}. ${QUESTIONS.find((q) => q.key === key)?.label ?? key}`;
  const given = form.answers;
  const radio = (id: "connection" | "rapport" | "unstatedNeeds" | "wow", n: number, options: Choice[]): Input => ({
    kind: "choice",
    id,
    label: question(id, n),
    options,
    look: "radio",
    ...(given ? { value: given[id] } : {}),
  });
  return {
    title: form.reviewId ? "Rescore" : "Quick score",
    submit: "Save score",
    carry: { ...(form.nominationId ? { nominationId: form.nominationId } : {}), ...(form.reviewId ? { reviewId: form.reviewId } : {}) },
    size: { width: "medium", height: "large" },
    items: [
      { kind: "person", id: "agent", label: "Agent", value: form.agent },
      {
        kind: "text",
        id: "reference",
        label: "Interaction reference",
        hint: `${INTERACTION_REFERENCE}. Scoring the same one again replaces your earlier score.`,
        max: SCORE_REFERENCE_MAX,
        value: form.reference,
      },
      {
        kind: "choice",
        id: "channel",
        label: "Channel",
        look: "menu",
        options: INTERACTION_CHANNELS.map((c) => choice(c, c[0]?.toUpperCase() + c.slice(1))),
        ...(given ? { value: given.channel } : {}),
      },
      radio("connection", 1, [choice("0", "0"), choice("1", "1"), choice("2", "2 or more")]),
      radio("rapport", 2, YES_PARTLY_NO_NA),
      radio("unstatedNeeds", 3, YES_PARTLY_NO_NA),
      radio("wow", 4, YES_PARTLY_NO_NA),
      { kind: "text", id: "note", label: "Coaching note", optional: true, max: NOTE_MAX, multiline: true, value: given?.note ?? null },
    ],
  };
}

function reviewForm(form: Extract<FormView, { kind: "form.review" }>): Form {
  return {
    title: "Ask for a review",
    submit: "Ask",
    carry: { scoreId: form.scoreId },
    size: { width: "medium", height: "medium" },
    items: [
      { kind: "say", text: [`Your score of ${form.score}/100 on ${form.reference}, by ${form.scorer}. A lead who didn't score it will look again.`] },
      {
        kind: "text",
        id: "reason",
        label: "Why should it be looked at again?",
        hint: `What the score missed (up to ${REVIEW_REASON_MAX} characters).`,
        max: REVIEW_REASON_MAX,
        multiline: true,
      },
    ],
  };
}

/** The quick-score form's own question inputs (the four questions and the note), to ask the same in a calibration. */
const CALIBRATION_INPUTS: readonly string[] = FORM_FIELDS["form.calibration"];

function calibrationForm(form: Extract<FormView, { kind: "form.calibration" }>): Form {
  const quick = scoreForm({ kind: "form.score", agent: null, reference: null, nominationId: null });
  const given = form.answers;
  const questions = quick.items
    .filter((item): item is Input => isInput(item) && CALIBRATION_INPUTS.includes(item.id))
    .map((input): Input => {
      const value = given?.[input.id as keyof typeof given];
      return value === undefined || value === null ? input : ({ ...input, value } as Input);
    });
  return {
    title: "Blind calibration",
    submit: "Save score",
    carry: { calibrationId: form.calibrationId },
    size: { width: "medium", height: "large" },
    items: [{ kind: "say", text: calibrationFormIntro(form.agent, form.reference) }, ...questions],
  };
}

function attendanceForm(form: Extract<FormView, { kind: "form.attendance" }>): Form {
  return {
    title: "Record attendance",
    submit: "Record",
    carry: {},
    size: { width: "medium", height: "medium" },
    items: [
      { kind: "person", id: "member", label: "Agent", value: form.member },
      { kind: "date", id: "date", label: "Date", value: form.today },
      { kind: "choice", id: "type", label: "What happened", look: "radio", options: OCCURRENCE_TYPES.map((t) => choice(t, TYPE_LABEL[t])) },
      { kind: "text", id: "note", label: "Note", optional: true, max: ATTENDANCE_NOTE_MAX, multiline: true },
    ],
  };
}

function paidDayForm(form: Extract<FormView, { kind: "form.paid_day" }>): Form {
  return {
    title: "Paid day off",
    submit: "Request",
    carry: {},
    size: { width: "medium", height: "medium" },
    items: [
      { kind: "say", text: [`A paid day off uses ${formatHours(form.hoursPerPaidDay)}. They're held while a lead decides.`] },
      { kind: "date", id: "date", label: "Day", value: form.today },
      { kind: "text", id: "note", label: "Note for the lead", optional: true, max: PTO_NOTE_MAX, multiline: true },
    ],
  };
}

function settingsForm(form: Extract<FormView, { kind: "form.settings" }>): Form {
  const s = form.settings;
  const channelInput = (id: "recognitionChannel" | "leadsChannel", label: string, hint: string): Input => {
    const current = s[id];
    const known = form.channels.slice(0, CHANNEL_CHOICES_MAX).map((c) => choice(c.id, c.name.slice(0, 60)));
    const named = form.channels.find((c) => c.id === current);
    if (current && !known.some((c) => c.value === current)) known.unshift(choice(current, named ? named.name.slice(0, 60) : "The current channel"));
    return { kind: "channel", id, label, hint, optional: true, value: current, known, none: "No channels known yet: add wowbot to a team" };
  };
  const weights = s.scoreWeights;
  const items: FormItem[] = [
    { kind: "section", title: "Channels and schedule" },
    channelInput(
      "recognitionChannel",
      "Recognition channel",
      "Wow moments and the daily attendance post. Empty: wows go to the channel where the nomination was made, and there is no attendance post.",
    ),
    channelInput("leadsChannel", "Leads channel", "Digests and paid-day requests. Empty: each lead gets them by DM."),
    { kind: "time", id: "digestTime", label: "Digest time", hint: "Daily digest, attendance post and period close, on workdays.", value: s.digestTime },
    { kind: "choices", id: "workdays", label: "Workdays", options: WEEKDAYS.map((d, i) => choice(String(i + 1), d)), value: s.workdays.map(String) },
    {
      kind: "text",
      id: "timezone",
      label: "Time zone",
      hint: "An IANA name such as Europe/Berlin or America/Los_Angeles: days, periods and the digest follow it.",
      max: 64,
      value: form.timezone,
    },
    { kind: "section", title: "Attendance and PTO" },
    {
      kind: "choice",
      id: "attendancePeriod",
      label: "Attendance period",
      look: "menu",
      options: ATTENDANCE_PERIODS.map((k) => choice(k, PERIOD_LABEL[k])),
      value: s.attendancePeriod,
    },
    settingNumber("pointsPerType.absence", "Points per absence", s.pointsPerType.absence),
    settingNumber("pointsPerType.late", "Points per late arrival", s.pointsPerType.late),
    settingNumber("pointsPerType.excused", "Points per excused absence", s.pointsPerType.excused),
    {
      kind: "text",
      id: "rewardTiers",
      label: "Reward tiers (hours)",
      hint: "Hours for the 1st, 2nd, 3rd ... clean period in a row, separated by commas; the last one repeats.",
      max: 200,
      value: s.rewardTiers.join(", "),
    },
    settingNumber("hoursPerPaidDay", "Hours per paid day", s.hoursPerPaidDay),
    settingNumber("accrualCapHours", "Accrual cap (hours)", s.accrualCapHours, "Credits stop at this balance. Empty: no cap."),
    { kind: "section", title: "Recognition and scoring" },
    settingNumber("nominationsPerDay", "Nominations per person per day", s.nominationsPerDay),
    settingNumber("scoreGoal", "Quick-score goal", s.scoreGoal, "Scores at or above this count as meeting the goal."),
    { kind: "say", text: [bold("Question weights"), " (must add up to 100)"] },
    settingNumber("scoreWeights.connection", "1. Personal emotional connection", weights.connection),
    settingNumber("scoreWeights.rapport", "2. Kept the rapport going", weights.rapport),
    settingNumber("scoreWeights.unstatedNeeds", "3. Addressed unstated needs", weights.unstatedNeeds),
    settingNumber("scoreWeights.wow", "4. Delivered a wow experience", weights.wow),
    { kind: "section", title: "Lead digest" },
    settingNumber(
      "riskThresholdPoints",
      "Attendance risk (points)",
      s.riskThresholdPoints,
      "Members with this many points or more in the period are listed as at risk.",
    ),
    settingNumber(
      "serviceLevelTarget",
      "Service-level target (%)",
      s.serviceLevelTarget,
      "Share of available time in customer-facing communication; members below it are listed.",
    ),
    settingNumber(
      "idleChatThresholdSeconds",
      "Idle-chat threshold (seconds)",
      s.idleChatThresholdSeconds,
      "Chats left open longer than this after the customer left are listed by agent.",
    ),
  ];
  return { title: "wowbot settings", submit: "Save", carry: {}, size: { width: "large", height: "large" }, items };
}

/** A form view as the form a person fills in. */
export function formOf(view: FormView): Form {
  switch (view.kind) {
    case "form.nomination":
      return nominationForm(view);
    case "form.score":
      return scoreForm(view);
    case "form.calibration":
      return calibrationForm(view);
    case "form.attendance":
      return attendanceForm(view);
    case "form.paid_day":
      return paidDayForm(view);
    case "form.review":
      return reviewForm(view);
    case "form.settings":
      return settingsForm(view);
  }
}

/** The value a channel input sends when the platform listed no channel to choose: read as "no channel". */
export const NO_CHANNEL = "none";

const one = (v: RawAnswers[string]): string => (typeof v === "string" ? v : Array.isArray(v) ? v.join(",") : "");
const orNull = (v: RawAnswers[string]): string | null => one(v).trim() || null;
const many = (v: RawAnswers[string]): string[] => (Array.isArray(v) ? v : one(v).split(",")).map((s) => s.trim()).filter(Boolean);

/** The answers of a submitted form as its values; unknown ids are ignored, missing ones read as empty. */
export function answersOf<K extends FormKind>(kind: K, answers: RawAnswers): FormValues[K] {
  return read(kind, answers) as FormValues[K];
}

function read(kind: FormKind, a: RawAnswers): FormValues[FormKind] {
  switch (kind) {
    case "form.nomination": {
      const known = new Set<string>(BEHAVIOURS.map((b) => b.id));
      return {
        nominee: orNull(a.nominee),
        story: one(a.story),
        reference: orNull(a.reference),
        behaviours: [...new Set(many(a.behaviours))].filter((b) => known.has(b)),
      };
    }
    case "form.score":
      return {
        agent: orNull(a.agent),
        reference: one(a.reference),
        channel: one(a.channel),
        connection: one(a.connection).trim(),
        rapport: one(a.rapport),
        unstatedNeeds: one(a.unstatedNeeds),
        wow: one(a.wow),
        note: orNull(a.note),
        ...(orNull(a.reviewId) ? { reviewId: orNull(a.reviewId) } : {}),
      };
    case "form.review":
      return { scoreId: orNull(a.scoreId), reason: one(a.reason) };
    case "form.calibration":
      return {
        calibrationId: orNull(a.calibrationId),
        connection: one(a.connection).trim(),
        rapport: one(a.rapport),
        unstatedNeeds: one(a.unstatedNeeds),
        wow: one(a.wow),
        note: orNull(a.note),
      };
    case "form.attendance":
      return { member: orNull(a.member), date: orNull(a.date), type: one(a.type), note: orNull(a.note) };
    case "form.paid_day":
      return { date: orNull(a.date), note: orNull(a.note) };
    case "form.settings":
      return settingsPatch(a);
  }
}

/** Only the settings whose inputs were sent change; an empty or non-numeric number is NaN, which validation reports. */
function settingsPatch(a: RawAnswers): SettingsPatch {
  const has = (...ids: string[]) => ids.every((id) => a[id] !== undefined && a[id] !== null);
  const num = (id: string) => (one(a[id]).trim() === "" ? Number.NaN : Number(one(a[id])));
  const channel = (id: string) => (orNull(a[id]) === NO_CHANNEL ? null : orNull(a[id]));
  const patch: SettingsPatch = {};
  if (has("recognitionChannel")) patch.recognitionChannel = channel("recognitionChannel");
  if (has("leadsChannel")) patch.leadsChannel = channel("leadsChannel");
  if (has("digestTime")) patch.digestTime = one(a.digestTime).trim();
  if (has("workdays")) patch.workdays = many(a.workdays).map(Number).sort();
  if (has("timezone")) patch.timezone = one(a.timezone);
  if (has("attendancePeriod")) patch.attendancePeriod = one(a.attendancePeriod) as AttendancePeriodKind;
  if (has("pointsPerType.absence", "pointsPerType.late", "pointsPerType.excused")) {
    patch.pointsPerType = { absence: num("pointsPerType.absence"), late: num("pointsPerType.late"), excused: num("pointsPerType.excused") };
  }
  if (has("rewardTiers")) {
    patch.rewardTiers = one(a.rewardTiers)
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
  }
  if (has("hoursPerPaidDay")) patch.hoursPerPaidDay = num("hoursPerPaidDay");
  if (has("accrualCapHours")) patch.accrualCapHours = one(a.accrualCapHours).trim() === "" ? null : num("accrualCapHours");
  for (const k of ["nominationsPerDay", "scoreGoal", "riskThresholdPoints", "serviceLevelTarget", "idleChatThresholdSeconds"] as const) {
    if (has(k)) patch[k] = num(k);
  }
  if (has("scoreWeights.connection", "scoreWeights.rapport", "scoreWeights.unstatedNeeds", "scoreWeights.wow")) {
    patch.scoreWeights = {
      connection: num("scoreWeights.connection"),
      rapport: num("scoreWeights.rapport"),
      unstatedNeeds: num("scoreWeights.unstatedNeeds"),
      wow: num("scoreWeights.wow"),
    };
  }
  return patch;
}
