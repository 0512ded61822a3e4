// The settings modal's submission: validated whole; every problem shows next to its input and nothing is saved.
// Only the inputs present in the submission are changed.
import type { SettingsPatch } from "../../../../app/settings.ports.js";
import type { AttendancePeriodKind } from "../../../../domain/settings.js";
import type { SlackDeps } from "../../deps.js";
import { SETTINGS_BLOCKS as B } from "../../render/settings-modal.js";
import { formSubmit, type SlackValues } from "./form-submit.js";

/** Settings fields (FORM_FIELDS, or their first part) to the block that shows their errors. */
const BLOCK_FOR: Record<string, string> = {
  recognitionChannel: B.recognitionChannel,
  leadsChannel: B.leadsChannel,
  digestTime: B.digestTime,
  workdays: B.workdays,
  timezone: B.timezone,
  attendancePeriod: B.attendancePeriod,
  "pointsPerType.absence": B.pointsAbsence,
  "pointsPerType.late": B.pointsLate,
  "pointsPerType.excused": B.pointsExcused,
  rewardTiers: B.rewardTiers,
  hoursPerPaidDay: B.hoursPerPaidDay,
  accrualCapHours: B.accrualCapHours,
  scoreGoal: B.scoreGoal,
  nominationsPerDay: B.nominationsPerDay,
  riskThresholdPoints: B.riskThresholdPoints,
  serviceLevelTarget: B.serviceLevelTarget,
  idleChatThresholdSeconds: B.idleChatThresholdSeconds,
  scoreWeights: B.weightConnection,
};

function blockFor(field: string): string {
  const parts = field.split(".");
  for (let n = parts.length; n > 0; n--) {
    const block = BLOCK_FOR[parts.slice(0, n).join(".")];
    if (block) return block;
  }
  return B.scoreGoal;
}

/** The patch from the inputs present; an empty or non-numeric number becomes NaN, which validation reports. */
export function settingsPatch(values: SlackValues): SettingsPatch {
  const input = (block: string) => values[block]?.[block];
  const has = (...blocks: string[]) => blocks.every((b) => input(b) !== undefined);
  const text = (block: string) => input(block)?.value ?? "";
  const num = (block: string) => (text(block).trim() === "" ? Number.NaN : Number(text(block)));
  const patch: SettingsPatch = {};
  if (has(B.recognitionChannel)) patch.recognitionChannel = input(B.recognitionChannel)?.selected_conversation ?? null;
  if (has(B.leadsChannel)) patch.leadsChannel = input(B.leadsChannel)?.selected_conversation ?? null;
  if (has(B.digestTime)) patch.digestTime = input(B.digestTime)?.selected_time ?? "";
  if (has(B.workdays)) patch.workdays = (input(B.workdays)?.selected_options ?? []).map((o) => Number(o.value)).sort();
  if (has(B.timezone)) patch.timezone = text(B.timezone);
  if (has(B.attendancePeriod)) patch.attendancePeriod = (input(B.attendancePeriod)?.selected_option?.value ?? "") as AttendancePeriodKind;
  if (has(B.pointsAbsence, B.pointsLate, B.pointsExcused)) {
    patch.pointsPerType = { absence: num(B.pointsAbsence), late: num(B.pointsLate), excused: num(B.pointsExcused) };
  }
  if (has(B.rewardTiers)) {
    patch.rewardTiers = text(B.rewardTiers)
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
  }
  if (has(B.hoursPerPaidDay)) patch.hoursPerPaidDay = num(B.hoursPerPaidDay);
  if (has(B.accrualCapHours)) patch.accrualCapHours = text(B.accrualCapHours).trim() === "" ? null : num(B.accrualCapHours);
  if (has(B.nominationsPerDay)) patch.nominationsPerDay = num(B.nominationsPerDay);
  if (has(B.scoreGoal)) patch.scoreGoal = num(B.scoreGoal);
  if (has(B.riskThresholdPoints)) patch.riskThresholdPoints = num(B.riskThresholdPoints);
  if (has(B.serviceLevelTarget)) patch.serviceLevelTarget = num(B.serviceLevelTarget);
  if (has(B.idleChatThresholdSeconds)) patch.idleChatThresholdSeconds = num(B.idleChatThresholdSeconds);
  if (has(B.weightConnection, B.weightRapport, B.weightUnstatedNeeds, B.weightWow)) {
    patch.scoreWeights = {
      connection: num(B.weightConnection),
      rapport: num(B.weightRapport),
      unstatedNeeds: num(B.weightUnstatedNeeds),
      wow: num(B.weightWow),
    };
  }
  return patch;
}

export const settingsSubmit = (deps: SlackDeps) => formSubmit(deps, "form.settings", settingsPatch, blockFor);
