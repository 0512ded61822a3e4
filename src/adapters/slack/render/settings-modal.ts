// The admin settings modal (recognition settings; attendance settings join with their feature).
import type { WorkspaceSettings } from "../../../domain/settings.js";

export const SETTINGS_MODAL = "settings.submit";
export const SETTINGS_BLOCKS = {
  recognitionChannel: "recognitionChannel",
  scoreGoal: "scoreGoal",
  weightConnection: "weight_connection",
  weightRapport: "weight_rapport",
  weightUnstatedNeeds: "weight_unstatedNeeds",
  weightWow: "weight_wow",
  nominationsPerDay: "nominationsPerDay",
} as const;

function numberInput(block: string, label: string, value: number, min: number, max: number, hint?: string) {
  return {
    type: "input",
    block_id: block,
    label: { type: "plain_text", text: label },
    ...(hint ? { hint: { type: "plain_text", text: hint } } : {}),
    element: {
      type: "number_input",
      action_id: block,
      is_decimal_allowed: false,
      min_value: String(min),
      max_value: String(max),
      initial_value: String(value),
    },
  };
}

export function settingsModal(settings: WorkspaceSettings) {
  const w = settings.scoreWeights;
  return {
    type: "modal" as const,
    callback_id: SETTINGS_MODAL,
    title: { type: "plain_text" as const, text: "wowbot settings" },
    submit: { type: "plain_text" as const, text: "Save" },
    close: { type: "plain_text" as const, text: "Cancel" },
    blocks: [
      {
        type: "input",
        block_id: SETTINGS_BLOCKS.recognitionChannel,
        optional: true,
        label: { type: "plain_text", text: "Recognition channel" },
        hint: { type: "plain_text", text: "Where wow moments are posted. Empty: the channel where /wow was used." },
        element: {
          type: "conversations_select",
          action_id: SETTINGS_BLOCKS.recognitionChannel,
          filter: { include: ["public", "private"], exclude_bot_users: true },
          ...(settings.recognitionChannel ? { initial_conversation: settings.recognitionChannel } : {}),
        },
      },
      numberInput(SETTINGS_BLOCKS.nominationsPerDay, "Nominations per person per day", settings.nominationsPerDay, 1, 100),
      numberInput(SETTINGS_BLOCKS.scoreGoal, "Quick-score goal", settings.scoreGoal, 0, 100, "Scores at or above this count as meeting the goal."),
      { type: "section", text: { type: "mrkdwn", text: "*Question weights* (must add up to 100)" } },
      numberInput(SETTINGS_BLOCKS.weightConnection, "1. Personal emotional connection", w.connection, 0, 100),
      numberInput(SETTINGS_BLOCKS.weightRapport, "2. Kept the rapport going", w.rapport, 0, 100),
      numberInput(SETTINGS_BLOCKS.weightUnstatedNeeds, "3. Addressed unstated needs", w.unstatedNeeds, 0, 100),
      numberInput(SETTINGS_BLOCKS.weightWow, "4. Delivered a wow experience", w.wow, 0, 100),
    ],
  };
}
