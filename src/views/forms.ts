// Forms, platform-neutral: what each form asks for and its initial values. Slack shows them as modals, Teams as
// Adaptive Cards in dialogs. Field names are the domain's (the `field` of a use case's error), so an error lands
// beside its own input on either platform.
import type { SettingsPatch } from "../app/settings.ports.js";
import type { WorkspaceSettings } from "../domain/settings.js";
import type { PersonRef } from "./person.js";

/** A channel a form may offer (Teams has no channel picker: the channels the bot knows are listed). */
export interface ChannelChoice {
  id: string;
  name: string;
}

export type FormView =
  /** `nominee` and `member`/`agent` are platform user ids to preselect. */
  | {
      kind: "form.nomination";
      nominee: string | null;
      channel: string | null;
      /** Prefilled from a message (Slack's "Nominate for a wow" shortcut): its link and its text quoted. */
      reference?: string | null;
      story?: string | null;
    }
  | {
      kind: "form.score";
      agent: string | null;
      reference: string | null;
      nominationId: string | null;
      /** A rescore: the review it decides (carried to the submission), and the reviewed score's answers to start from. */
      reviewId?: string | null;
      answers?: ScoreFormAnswers;
    }
  /** An agent asks for a review of one of their scores (carries the score's id). */
  | { kind: "form.review"; scoreId: string; reference: string; score: number; scorer: string }
  /** A lead's blind score in a calibration (carries its id; the agent and reference are shown, not asked). */
  | { kind: "form.calibration"; calibrationId: string; agent: PersonRef; reference: string; answers: CalibrationFormAnswers | null }
  | { kind: "form.attendance"; member: string | null; today: string }
  | { kind: "form.paid_day"; today: string; hoursPerPaidDay: number }
  | { kind: "form.settings"; settings: WorkspaceSettings; timezone: string; channels: ChannelChoice[] };

export type FormKind = FormView["kind"];

/** A calibration seat's answers as its form shows them again (scoring again replaces them). */
export interface CalibrationFormAnswers {
  connection: string;
  rapport: string;
  unstatedNeeds: string;
  wow: string;
  note: string | null;
}

/** A quick score's answers as the form shows them (a rescore starts from the reviewed score's). */
export interface ScoreFormAnswers {
  channel: string;
  connection: string;
  rapport: string;
  unstatedNeeds: string;
  wow: string;
  note: string | null;
}

/** Each form's fields, by domain name. Settings fields are settings paths ("pointsPerType.absence"). */
export const FORM_FIELDS = {
  "form.nomination": ["nominee", "story", "reference", "behaviours"],
  "form.score": ["agent", "reference", "channel", "connection", "rapport", "unstatedNeeds", "wow", "note"],
  "form.attendance": ["member", "date", "type", "note"],
  "form.paid_day": ["date", "note"],
  "form.calibration": ["connection", "rapport", "unstatedNeeds", "wow", "note"],
  "form.review": ["reason"],
  "form.settings": [
    "recognitionChannel",
    "leadsChannel",
    "digestTime",
    "workdays",
    "timezone",
    "attendancePeriod",
    "pointsPerType.absence",
    "pointsPerType.late",
    "pointsPerType.excused",
    "rewardTiers",
    "hoursPerPaidDay",
    "accrualCapHours",
    "scoreGoal",
    "scoreWeights.connection",
    "scoreWeights.rapport",
    "scoreWeights.unstatedNeeds",
    "scoreWeights.wow",
    "nominationsPerDay",
    "riskThresholdPoints",
    "serviceLevelTarget",
    "idleChatThresholdSeconds",
  ],
} as const satisfies Record<FormKind, readonly string[]>;

/** Problems of a submitted form, by field: shown beside their inputs, nothing saved. */
export type FormErrors = Record<string, string>;

/** What each form submits; people are platform user ids, unanswered choices "" or null. */
export interface FormValues {
  "form.nomination": { nominee: string | null; story: string; reference: string | null; behaviours: string[] };
  "form.score": {
    agent: string | null;
    reference: string;
    channel: string;
    /** "0", "1", "2"; "" when unanswered. */
    connection: string;
    rapport: string;
    unstatedNeeds: string;
    wow: string;
    note: string | null;
    /** The review a rescore decides (carried by the form; re-checked). */
    reviewId?: string | null;
  };
  "form.review": { scoreId: string | null; reason: string };
  "form.calibration": {
    /** The calibration the form carries (re-checked: it may be forged). */
    calibrationId: string | null;
    connection: string;
    rapport: string;
    unstatedNeeds: string;
    wow: string;
    note: string | null;
  };
  "form.attendance": { member: string | null; date: string | null; type: string; note: string | null };
  "form.paid_day": { date: string | null; note: string | null };
  /** Only the settings present change; a number left empty is NaN, which validation reports. */
  "form.settings": SettingsPatch;
}
