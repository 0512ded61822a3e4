// The confirmation after /wowbot settings is saved: which settings changed, in the words of the form. Saving used to
// close the form without a word, so an admin could not tell a saved change from a lost one.
import type { SettingName } from "../app/settings.ports.js";
import { type NoticeView, notice } from "./notice.js";

const SETTING_LABEL: Record<SettingName, string> = {
  recognitionChannel: "recognition channel",
  leadsChannel: "leads channel",
  digestTime: "digest time",
  workdays: "workdays",
  timezone: "time zone",
  attendancePeriod: "attendance period",
  pointsPerType: "points per occurrence",
  rewardTiers: "reward tiers",
  hoursPerPaidDay: "hours per paid day",
  accrualCapHours: "accrual cap",
  nominationsPerDay: "nominations per person per day",
  scoreGoal: "quick-score goal",
  scoreWeights: "question weights",
  riskThresholdPoints: "attendance risk",
  serviceLevelTarget: "service-level target",
  idleChatThresholdSeconds: "idle-chat threshold",
};

const list = (words: string[]) => (words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`);

export function settingsSaved(changed: readonly SettingName[]): NoticeView {
  if (changed.length === 0) return notice("info", "Settings saved: nothing changed.");
  // In the form's order, whatever order the settings are stored in.
  const words = (Object.keys(SETTING_LABEL) as SettingName[]).filter((name) => changed.includes(name)).map((name) => SETTING_LABEL[name]);
  return notice("success", `Settings saved. Changed: ${list(words)}.`);
}
