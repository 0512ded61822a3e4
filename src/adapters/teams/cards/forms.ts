// Neutral forms as Adaptive Cards for Teams dialogs (task modules): input ids are the domain field names of
// FORM_FIELDS, each error shows in attention colour right under its input, and readForm turns a submission back into
// neutral values (Teams sends every input as a string; multi-selects comma-separated).

import type { SettingsPatch } from "../../../app/settings.ports.js";
import { ATTENDANCE_NOTE_MAX, formatHours, OCCURRENCE_TYPES } from "../../../domain/attendance.js";
import { BEHAVIOURS, REFERENCE_MAX, STORY_MAX } from "../../../domain/nomination.js";
import { PTO_NOTE_MAX } from "../../../domain/pto.js";
import { INTERACTION_CHANNELS, NOTE_MAX, QUESTIONS, SCORE_REFERENCE_MAX } from "../../../domain/scorecard.js";
import { ATTENDANCE_PERIODS, type AttendancePeriodKind } from "../../../domain/settings.js";
import type { FormErrors, FormKind, FormValues, FormView } from "../../../views/forms.js";
import { CARD_ACTIONS } from "./actions.js";
import { type AdaptiveCardJson, attention, bareCard, type Element, heading, note, text } from "./elements.js";
import { escapeText } from "./text.js";

type Choice = { title: string; value: string };
const choice = (value: string, title: string): Choice => ({ title, value });

/** Display names of people a form preselects (the FormView holds only their ids), by platform user id. */
export type PeopleNames = ReadonlyMap<string, string>;

/** A people picker: Teams searches the organisation's directory; the value is the person's AAD object id. */
/** The longest id a picker or a prefill carries: longer is no real id (and would bloat the card past Teams' 28 KB). */
export const ID_MAX = 256;

function personInput(id: string, label: string, given: string | null, names: PeopleNames): Element {
  const selected = given && given.length <= ID_MAX ? given : null;
  return {
    type: "Input.ChoiceSet",
    id,
    label,
    isRequired: true,
    errorMessage: `Choose ${label.toLowerCase().replace(/\?$/, "")}.`,
    style: "filtered",
    // Teams lists only the preselected person statically; everyone else comes from the directory search.
    choices: selected ? [choice(selected, names.get(selected) ?? "Selected person")] : [],
    "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users" },
    ...(selected ? { value: selected } : {}),
  };
}

const textInput = (
  id: string,
  label: string,
  opts: { max: number; value?: string | null; multiline?: boolean; required?: boolean; placeholder?: string },
): Element => ({
  type: "Input.Text",
  id,
  label,
  maxLength: opts.max,
  ...(opts.multiline ? { isMultiline: true } : {}),
  ...(opts.required ? { isRequired: true, errorMessage: `${label} is required.` } : {}),
  ...(opts.placeholder ? { placeholder: opts.placeholder } : {}),
  ...(opts.value ? { value: opts.value.slice(0, opts.max) } : {}),
});

const choiceInput = (
  id: string,
  label: string,
  choices: Choice[],
  opts: { value?: string; multi?: boolean; expanded?: boolean; required?: boolean } = {},
): Element => ({
  type: "Input.ChoiceSet",
  id,
  label,
  choices,
  style: opts.expanded ? "expanded" : "compact",
  ...(opts.multi ? { isMultiSelect: true } : {}),
  ...(opts.required ? { isRequired: true, errorMessage: `Choose ${label.replace(/^\d+\. /, "").toLowerCase()}.` } : {}),
  ...(opts.value !== undefined && opts.value !== "" ? { value: opts.value } : {}),
});

const numberInput = (id: string, label: string, value: number | null, min: number, max: number, required = true): Element => ({
  type: "Input.Number",
  id,
  label,
  min,
  max,
  ...(required ? { isRequired: true, errorMessage: `${label}: a number from ${min} to ${max}.` } : {}),
  ...(value === null ? {} : { value }),
});

const dateInput = (id: string, label: string, value: string): Element => ({
  type: "Input.Date",
  id,
  label,
  isRequired: true,
  errorMessage: "Choose the date.",
  value,
});

/** The placeholder choice of an empty channel picker: read back as "no channel", never stored as an id. */
const NO_CHANNEL = "none";

/** Channels each settings picker lists. */
export const CHANNEL_CHOICES_MAX = 50;

const YES_PARTLY_NO_NA = [choice("yes", "Yes"), choice("partly", "Partly"), choice("no", "No"), choice("na", "N.a.")];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const PERIOD_LABEL: Record<AttendancePeriodKind, string> = { week: "Week (Monday start)", "two-week": "Two weeks (Monday start)", month: "Calendar month" };
const TYPE_LABEL = { absence: "Absence", late: "Late arrival", excused: "Excused absence" } as const;

/** Each form's title, submit label and dialog size. */
export const FORM_META: Record<FormKind, { title: string; submit: string; width: "small" | "medium" | "large"; height: "small" | "medium" | "large" }> = {
  "form.nomination": { title: "Nominate for a wow", submit: "Nominate", width: "medium", height: "large" },
  "form.score": { title: "Quick score", submit: "Save score", width: "medium", height: "large" },
  "form.attendance": { title: "Record attendance", submit: "Record", width: "medium", height: "medium" },
  "form.paid_day": { title: "Paid day off", submit: "Request", width: "medium", height: "medium" },
  "form.settings": { title: "wowbot settings", submit: "Save", width: "large", height: "large" },
};

function inputs(form: FormView, names: PeopleNames): { body: Element[]; hidden: Record<string, string> } {
  switch (form.kind) {
    case "form.nomination":
      return {
        hidden: form.channel ? { channel: form.channel } : {},
        body: [
          personInput("nominee", "Who made the wow moment?", form.nominee, names),
          textInput("reference", "Interaction reference", { max: REFERENCE_MAX, placeholder: "Ticket, call or chat id, or a link" }),
          textInput("story", "What happened?", {
            max: STORY_MAX,
            multiline: true,
            required: true,
            placeholder: "What they did and why it mattered to the customer (20-2000 characters)",
          }),
          choiceInput(
            "behaviours",
            "Behaviours shown",
            BEHAVIOURS.map((b) => choice(b.id, b.label)),
            { multi: true, expanded: true },
          ),
        ],
      };
    case "form.score": {
      const label = (key: string, n: number) => `${n}. ${QUESTIONS.find((q) => q.key === key)?.label ?? key}`;
      return {
        hidden: form.nominationId ? { nominationId: form.nominationId } : {},
        body: [
          personInput("agent", "Agent", form.agent, names),
          textInput("reference", "Interaction reference", {
            max: SCORE_REFERENCE_MAX,
            required: true,
            value: form.reference,
            placeholder: "Ticket, call or chat id, or a link",
          }),
          note("Scoring the same interaction again replaces your earlier score."),
          choiceInput(
            "channel",
            "Channel",
            INTERACTION_CHANNELS.map((c) => choice(c, c[0]?.toUpperCase() + c.slice(1))),
            { required: true },
          ),
          choiceInput("connection", label("connection", 1), [choice("0", "0"), choice("1", "1"), choice("2", "2 or more")], { expanded: true, required: true }),
          choiceInput("rapport", label("rapport", 2), YES_PARTLY_NO_NA, { expanded: true, required: true }),
          choiceInput("unstatedNeeds", label("unstatedNeeds", 3), YES_PARTLY_NO_NA, { expanded: true, required: true }),
          choiceInput("wow", label("wow", 4), YES_PARTLY_NO_NA, { expanded: true, required: true }),
          textInput("note", "Coaching note", { max: NOTE_MAX, multiline: true }),
        ],
      };
    }
    case "form.attendance":
      return {
        hidden: {},
        body: [
          personInput("member", "Agent", form.member, names),
          dateInput("date", "Date", form.today),
          choiceInput(
            "type",
            "What happened",
            OCCURRENCE_TYPES.map((t) => choice(t, TYPE_LABEL[t])),
            { expanded: true, required: true },
          ),
          textInput("note", "Note", { max: ATTENDANCE_NOTE_MAX, multiline: true }),
        ],
      };
    case "form.paid_day":
      return {
        hidden: {},
        body: [
          text(`A paid day off uses ${formatHours(form.hoursPerPaidDay)}. They're held while a lead decides.`),
          dateInput("date", "Day", form.today),
          textInput("note", "Note for the lead", { max: PTO_NOTE_MAX, multiline: true }),
        ],
      };
    case "form.settings":
      return { hidden: {}, body: settingsInputs(form) };
  }
}

function settingsInputs(form: Extract<FormView, { kind: "form.settings" }>): Element[] {
  const s = form.settings;
  const channels = (current: string | null) => {
    // Both pickers list the channels, so the list is capped to keep the dialog card inside Teams' size limit.
    const list = form.channels.slice(0, CHANNEL_CHOICES_MAX).map((c) => choice(c.id, c.name.slice(0, 60)));
    const known = form.channels.find((c) => c.id === current);
    if (known && !list.some((c) => c.value === current)) list.unshift(choice(known.id, known.name.slice(0, 60)));
    if (current && !list.some((c) => c.value === current)) list.unshift(choice(current, "The current channel"));
    return list.length ? list : [choice(NO_CHANNEL, "No channels known yet: add wowbot to a team")];
  };
  const channelInput = (id: string, label: string, hint: string, current: string | null): Element[] => [
    choiceInput(id, label, channels(current), { value: current ?? undefined }),
    note(hint),
  ];
  return [
    heading("Channels and schedule"),
    ...channelInput(
      "recognitionChannel",
      "Recognition channel",
      "Wow moments and the daily attendance post. Empty: wows go to the channel where wow was used, and there is no attendance post.",
      s.recognitionChannel,
    ),
    ...channelInput("leadsChannel", "Leads channel", "Digests and paid-day requests. Empty: each lead gets them in a private chat.", s.leadsChannel),
    { type: "Input.Time", id: "digestTime", label: "Digest time", isRequired: true, errorMessage: "Choose the digest time.", value: s.digestTime },
    note("Daily digest, attendance post and period close, on workdays."),
    choiceInput(
      "workdays",
      "Workdays",
      WEEKDAYS.map((d, i) => choice(String(i + 1), d)),
      { multi: true, expanded: true, value: s.workdays.join(",") },
    ),
    textInput("timezone", "Time zone", { max: 64, required: true, value: form.timezone }),
    note("An IANA name such as Europe/Berlin or America/Los_Angeles: days, periods and the digest follow it."),
    heading("Attendance and PTO"),
    choiceInput(
      "attendancePeriod",
      "Attendance period",
      ATTENDANCE_PERIODS.map((k) => choice(k, PERIOD_LABEL[k])),
      { value: s.attendancePeriod, required: true },
    ),
    numberInput("pointsPerType.absence", "Points per absence", s.pointsPerType.absence, 0, 10),
    numberInput("pointsPerType.late", "Points per late arrival", s.pointsPerType.late, 0, 10),
    numberInput("pointsPerType.excused", "Points per excused absence", s.pointsPerType.excused, 0, 10),
    textInput("rewardTiers", "Reward tiers (hours)", { max: 200, required: true, value: s.rewardTiers.join(", ") }),
    note("Hours for the 1st, 2nd, 3rd ... clean period in a row, separated by commas; the last one repeats."),
    numberInput("hoursPerPaidDay", "Hours per paid day", s.hoursPerPaidDay, 0.25, 24),
    numberInput("accrualCapHours", "Accrual cap (hours)", s.accrualCapHours, 0.25, 1000, false),
    note("Credits stop at this balance. Empty: no cap."),
    heading("Recognition and scoring"),
    numberInput("nominationsPerDay", "Nominations per person per day", s.nominationsPerDay, 1, 100),
    numberInput("scoreGoal", "Quick-score goal", s.scoreGoal, 0, 100),
    note("Scores at or above this count as meeting the goal."),
    text("**Question weights** (must add up to 100)"),
    numberInput("scoreWeights.connection", "1. Personal emotional connection", s.scoreWeights.connection, 0, 100),
    numberInput("scoreWeights.rapport", "2. Kept the rapport going", s.scoreWeights.rapport, 0, 100),
    numberInput("scoreWeights.unstatedNeeds", "3. Addressed unstated needs", s.scoreWeights.unstatedNeeds, 0, 100),
    numberInput("scoreWeights.wow", "4. Delivered a wow experience", s.scoreWeights.wow, 0, 100),
    heading("Lead digest"),
    numberInput("riskThresholdPoints", "Attendance risk (points)", s.riskThresholdPoints, 0, 100),
    note("Members with this many points or more in the period are listed as at risk."),
    numberInput("serviceLevelTarget", "Service-level target (%)", s.serviceLevelTarget, 0, 100),
    note("Share of available time in customer-facing communication; members below it are listed."),
    numberInput("idleChatThresholdSeconds", "Idle-chat threshold (seconds)", s.idleChatThresholdSeconds, 1, 86_400),
    note("Chats left open longer than this after the customer left are listed by agent."),
  ];
}

/** The input an error belongs to: its own id, else the first input under it ("scoreWeights" -> "scoreWeights.connection"). */
function inputFor(field: string, ids: string[]): string | null {
  if (ids.includes(field)) return field;
  return ids.find((id) => id.startsWith(`${field}.`)) ?? null;
}

/** What a dialog card carries besides the form: the person's typed values (kept when errors are shown) and data. */
export interface FormCardOptions {
  /** Submitted values by input id, shown again instead of the form's initial ones. */
  values?: Record<string, unknown>;
  /** Extra submit data (a dialog id that makes a retried submit recognisable). */
  data?: Record<string, string>;
}

/** An input showing a submitted value: people pickers list the chosen person (by name) so Teams can show them. */
function withValue(element: Element, value: unknown, names: PeopleNames): Element {
  const given = typeof value === "number" ? String(value) : typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : "";
  const { value: _initial, ...rest } = element;
  if (given === "") return rest;
  if (element.type === "Input.Number") return Number.isFinite(Number(given)) ? { ...rest, value: Number(given) } : rest;
  // Only values the input can hold come back (the card stays small and valid whatever was submitted).
  if (element.type === "Input.Date") return /^\d{4}-\d{2}-\d{2}$/.test(given) ? { ...rest, value: given } : rest;
  if (element.type === "Input.Time") return /^\d{2}:\d{2}$/.test(given) ? { ...rest, value: given } : rest;
  if (element["choices.data"]) {
    return given.length <= ID_MAX ? { ...rest, choices: [choice(given, (names.get(given) ?? "Selected person").slice(0, 100))], value: given } : rest;
  }
  if (element.type === "Input.ChoiceSet") {
    const offered = new Set(((element.choices as Choice[] | undefined) ?? []).map((c) => c.value));
    const kept = (element.isMultiSelect ? given.split(",") : [given]).filter((v) => offered.has(v));
    return kept.length ? { ...rest, value: kept.join(",") } : rest;
  }
  const max = typeof element.maxLength === "number" ? element.maxLength : undefined;
  return { ...rest, value: max ? given.slice(0, max) : given };
}

/** A form as a dialog card; each error shows in attention colour right under its input (others at the top). */
export function formCard(form: FormView, errors: FormErrors = {}, names: PeopleNames = new Map(), options: FormCardOptions = {}): AdaptiveCardJson {
  const built = inputs(form, names);
  const hidden = { ...built.hidden, ...options.data };
  const values = options.values ?? {};
  const body = built.body.map((e) => (typeof e.id === "string" && Object.hasOwn(values, e.id) ? withValue(e, values[e.id], names) : e));
  const ids = body.filter((e) => typeof e.id === "string").map((e) => e.id as string);
  const under = new Map<string, string[]>();
  const general: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    const at = inputFor(field, ids);
    if (at) under.set(at, [...(under.get(at) ?? []), message]);
    else general.push(message);
  }
  const out: Element[] = general.map((m) => attention(`⚠️ ${escapeText(m)}`));
  for (const element of body) {
    const messages = typeof element.id === "string" ? under.get(element.id) : undefined;
    if (!messages) {
      out.push(element);
      continue;
    }
    out.push({ ...element, errorMessage: messages[0] }, ...messages.map((m) => attention(escapeText(m))));
  }
  const submit = {
    type: "Action.Submit",
    title: FORM_META[form.kind].submit,
    style: "positive",
    data: { wowbot: CARD_ACTIONS.submitForm, form: form.kind, ...hidden },
  };
  return bareCard(out, [submit]);
}

const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const orNull = (v: unknown): string | null => str(v).trim() || null;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : str(v).split(",")).map((s) => s.trim()).filter(Boolean);

/** A submitted dialog's data as the form's neutral values; unknown keys are ignored. */
export function readForm<K extends FormKind>(kind: K, data: Record<string, unknown>): FormValues[K] {
  return read(kind, data) as FormValues[K];
}

function read(kind: FormKind, d: Record<string, unknown>): FormValues[FormKind] {
  switch (kind) {
    case "form.nomination": {
      const known = new Set<string>(BEHAVIOURS.map((b) => b.id));
      return {
        nominee: orNull(d.nominee),
        story: str(d.story),
        reference: orNull(d.reference),
        behaviours: [...new Set(list(d.behaviours))].filter((b) => known.has(b)),
      };
    }
    case "form.score": {
      return {
        agent: orNull(d.agent),
        reference: str(d.reference),
        channel: str(d.channel),
        connection: str(d.connection).trim(),
        rapport: str(d.rapport),
        unstatedNeeds: str(d.unstatedNeeds),
        wow: str(d.wow),
        note: orNull(d.note),
      };
    }
    case "form.attendance":
      return { member: orNull(d.member), date: orNull(d.date), type: str(d.type), note: orNull(d.note) };
    case "form.paid_day":
      return { date: orNull(d.date), note: orNull(d.note) };
    case "form.settings":
      return settingsPatch(d);
  }
}

/** Only the fields present are changed; an empty or non-numeric number becomes NaN so validation reports it. */
function settingsPatch(d: Record<string, unknown>): SettingsPatch {
  const has = (...keys: string[]) => keys.every((k) => k in d && d[k] !== undefined && d[k] !== null);
  const num = (k: string) => (str(d[k]).trim() === "" ? Number.NaN : Number(str(d[k])));
  const patch: SettingsPatch = {};
  const channel = (v: unknown) => (orNull(v) === NO_CHANNEL ? null : orNull(v));
  if (has("recognitionChannel")) patch.recognitionChannel = channel(d.recognitionChannel);
  if (has("leadsChannel")) patch.leadsChannel = channel(d.leadsChannel);
  if (has("digestTime")) patch.digestTime = str(d.digestTime).trim();
  if (has("workdays")) patch.workdays = list(d.workdays).map(Number).sort();
  if (has("timezone")) patch.timezone = str(d.timezone);
  if (has("attendancePeriod")) patch.attendancePeriod = str(d.attendancePeriod) as AttendancePeriodKind;
  if (has("pointsPerType.absence", "pointsPerType.late", "pointsPerType.excused")) {
    patch.pointsPerType = { absence: num("pointsPerType.absence"), late: num("pointsPerType.late"), excused: num("pointsPerType.excused") };
  }
  if (has("rewardTiers")) {
    patch.rewardTiers = str(d.rewardTiers)
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
  }
  if (has("hoursPerPaidDay")) patch.hoursPerPaidDay = num("hoursPerPaidDay");
  if (has("accrualCapHours")) patch.accrualCapHours = str(d.accrualCapHours).trim() === "" ? null : num("accrualCapHours");
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
