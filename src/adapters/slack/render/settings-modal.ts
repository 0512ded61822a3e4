// The admin settings modal: channels, schedule and time zone, attendance and PTO rules, scoring and the lead digest.
import { ATTENDANCE_PERIODS, type WorkspaceSettings } from "../../../domain/settings.js";
import { header, option, plain } from "./blocks.js";

export const SETTINGS_MODAL = "settings.submit";
export const SETTINGS_BLOCKS = {
  recognitionChannel: "recognitionChannel",
  leadsChannel: "leadsChannel",
  digestTime: "digestTime",
  workdays: "workdays",
  timezone: "timezone",
  attendancePeriod: "attendancePeriod",
  pointsAbsence: "points_absence",
  pointsLate: "points_late",
  pointsExcused: "points_excused",
  rewardTiers: "rewardTiers",
  hoursPerPaidDay: "hoursPerPaidDay",
  accrualCapHours: "accrualCapHours",
  scoreGoal: "scoreGoal",
  weightConnection: "weight_connection",
  weightRapport: "weight_rapport",
  weightUnstatedNeeds: "weight_unstatedNeeds",
  weightWow: "weight_wow",
  nominationsPerDay: "nominationsPerDay",
  riskThresholdPoints: "riskThresholdPoints",
  serviceLevelTarget: "serviceLevelTarget",
  idleChatThresholdSeconds: "idleChatThresholdSeconds",
} as const;

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const PERIOD_LABEL: Record<(typeof ATTENDANCE_PERIODS)[number], string> = {
  week: "Week (Monday start)",
  "two-week": "Two weeks (Monday start)",
  month: "Calendar month",
};

function numberInput(
  block: string,
  label: string,
  value: number | null,
  min: number,
  max: number,
  opts: { hint?: string; decimal?: boolean; optional?: boolean } = {},
) {
  return {
    type: "input",
    block_id: block,
    label: plain(label),
    ...(opts.optional ? { optional: true } : {}),
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
    element: {
      type: "number_input",
      action_id: block,
      is_decimal_allowed: opts.decimal ?? false,
      min_value: String(min),
      max_value: String(max),
      ...(value === null ? {} : { initial_value: String(value) }),
    },
  };
}

function channelInput(block: string, label: string, hint: string, value: string | null) {
  return {
    type: "input",
    block_id: block,
    optional: true,
    label: plain(label),
    hint: plain(hint),
    element: {
      type: "conversations_select",
      action_id: block,
      filter: { include: ["public", "private"], exclude_bot_users: true },
      ...(value ? { initial_conversation: value } : {}),
    },
  };
}

export function settingsModal(settings: WorkspaceSettings, timezone: string) {
  const w = settings.scoreWeights;
  const p = settings.pointsPerType;
  const dayOptions = WEEKDAYS.map((d, i) => option(String(i + 1), d));
  return {
    type: "modal" as const,
    callback_id: SETTINGS_MODAL,
    title: { type: "plain_text" as const, text: "wowbot settings" },
    submit: { type: "plain_text" as const, text: "Save" },
    close: { type: "plain_text" as const, text: "Cancel" },
    blocks: [
      header("Channels and schedule"),
      channelInput(
        SETTINGS_BLOCKS.recognitionChannel,
        "Recognition channel",
        "Wow moments and the daily attendance post. Empty: wows go to the channel where /wow was used, and there is no attendance post.",
        settings.recognitionChannel,
      ),
      channelInput(SETTINGS_BLOCKS.leadsChannel, "Leads channel", "Digests and paid-day requests. Empty: each lead gets them by DM.", settings.leadsChannel),
      {
        type: "input",
        block_id: SETTINGS_BLOCKS.digestTime,
        label: plain("Digest time"),
        hint: plain("Daily digest, attendance post and period close, on workdays."),
        element: { type: "timepicker", action_id: SETTINGS_BLOCKS.digestTime, initial_time: settings.digestTime },
      },
      {
        type: "input",
        block_id: SETTINGS_BLOCKS.workdays,
        label: plain("Workdays"),
        element: {
          type: "checkboxes",
          action_id: SETTINGS_BLOCKS.workdays,
          options: dayOptions,
          initial_options: dayOptions.filter((o) => settings.workdays.includes(Number(o.value))),
        },
      },
      {
        type: "input",
        block_id: SETTINGS_BLOCKS.timezone,
        label: plain("Time zone"),
        hint: plain("An IANA name such as Europe/Berlin or America/Los_Angeles: days, periods and the digest follow it."),
        element: { type: "plain_text_input", action_id: SETTINGS_BLOCKS.timezone, initial_value: timezone, max_length: 64 },
      },
      header("Attendance and PTO"),
      {
        type: "input",
        block_id: SETTINGS_BLOCKS.attendancePeriod,
        label: plain("Attendance period"),
        element: {
          type: "static_select",
          action_id: SETTINGS_BLOCKS.attendancePeriod,
          options: ATTENDANCE_PERIODS.map((k) => option(k, PERIOD_LABEL[k])),
          initial_option: option(settings.attendancePeriod, PERIOD_LABEL[settings.attendancePeriod]),
        },
      },
      numberInput(SETTINGS_BLOCKS.pointsAbsence, "Points per absence", p.absence, 0, 10, { decimal: true }),
      numberInput(SETTINGS_BLOCKS.pointsLate, "Points per late arrival", p.late, 0, 10, { decimal: true }),
      numberInput(SETTINGS_BLOCKS.pointsExcused, "Points per excused absence", p.excused, 0, 10, { decimal: true }),
      {
        type: "input",
        block_id: SETTINGS_BLOCKS.rewardTiers,
        label: plain("Reward tiers (hours)"),
        hint: plain("Hours for the 1st, 2nd, 3rd ... clean period in a row, separated by commas; the last one repeats."),
        element: { type: "plain_text_input", action_id: SETTINGS_BLOCKS.rewardTiers, initial_value: settings.rewardTiers.join(", "), max_length: 200 },
      },
      numberInput(SETTINGS_BLOCKS.hoursPerPaidDay, "Hours per paid day", settings.hoursPerPaidDay, 0.25, 24, { decimal: true }),
      numberInput(SETTINGS_BLOCKS.accrualCapHours, "Accrual cap (hours)", settings.accrualCapHours, 0.25, 1000, {
        decimal: true,
        optional: true,
        hint: "Credits stop at this balance. Empty: no cap.",
      }),
      header("Recognition and scoring"),
      numberInput(SETTINGS_BLOCKS.nominationsPerDay, "Nominations per person per day", settings.nominationsPerDay, 1, 100),
      numberInput(SETTINGS_BLOCKS.scoreGoal, "Quick-score goal", settings.scoreGoal, 0, 100, { hint: "Scores at or above this count as meeting the goal." }),
      { type: "section", text: { type: "mrkdwn", text: "*Question weights* (must add up to 100)" } },
      numberInput(SETTINGS_BLOCKS.weightConnection, "1. Personal emotional connection", w.connection, 0, 100),
      numberInput(SETTINGS_BLOCKS.weightRapport, "2. Kept the rapport going", w.rapport, 0, 100),
      numberInput(SETTINGS_BLOCKS.weightUnstatedNeeds, "3. Addressed unstated needs", w.unstatedNeeds, 0, 100),
      numberInput(SETTINGS_BLOCKS.weightWow, "4. Delivered a wow experience", w.wow, 0, 100),
      header("Lead digest"),
      numberInput(SETTINGS_BLOCKS.riskThresholdPoints, "Attendance risk (points)", settings.riskThresholdPoints, 0, 100, {
        decimal: true,
        hint: "Members with this many points or more in the period are listed as at risk.",
      }),
      numberInput(SETTINGS_BLOCKS.serviceLevelTarget, "Service-level target (%)", settings.serviceLevelTarget, 0, 100, {
        decimal: true,
        hint: "Share of available time in customer-facing communication; members below it are listed.",
      }),
      numberInput(SETTINGS_BLOCKS.idleChatThresholdSeconds, "Idle-chat threshold (seconds)", settings.idleChatThresholdSeconds, 1, 86_400, {
        hint: "Chats left open longer than this after the customer left are listed by agent.",
      }),
    ],
  };
}
