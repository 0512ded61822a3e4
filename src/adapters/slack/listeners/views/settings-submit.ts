// The settings modal's submission: validated whole; a problem shows next to its input and nothing is saved.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { updateSettings } from "../../../../app/update-settings.js";
import type { SlackDeps, WowContext } from "../../deps.js";
import { SETTINGS_BLOCKS } from "../../render/settings-modal.js";

type Values = Record<string, Record<string, { value?: string | null; selected_conversation?: string | null }>>;

/** Settings fields to the block that shows their errors. */
const BLOCK_FOR: Record<string, string> = {
  recognitionChannel: SETTINGS_BLOCKS.recognitionChannel,
  scoreGoal: SETTINGS_BLOCKS.scoreGoal,
  nominationsPerDay: SETTINGS_BLOCKS.nominationsPerDay,
  scoreWeights: SETTINGS_BLOCKS.weightConnection,
};

export function settingsSubmit(deps: SlackDeps) {
  return async ({ ack, view, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { workspace, member } = context as WowContext;
    const values = view.state.values as Values;
    const text = (block: string) => values[block]?.[block]?.value ?? "";
    // An empty or non-numeric input becomes NaN, which validation reports next to that input.
    const num = (block: string) => (text(block).trim() === "" ? Number.NaN : Number(text(block)));
    if (!workspace || !member) return void (await ack({ response_action: "errors", errors: { [SETTINGS_BLOCKS.scoreGoal]: "Try again in a moment." } }));
    const result = await updateSettings(deps.ports, {
      workspace,
      actor: member,
      patch: {
        recognitionChannel: values[SETTINGS_BLOCKS.recognitionChannel]?.[SETTINGS_BLOCKS.recognitionChannel]?.selected_conversation ?? null,
        nominationsPerDay: num(SETTINGS_BLOCKS.nominationsPerDay),
        scoreGoal: num(SETTINGS_BLOCKS.scoreGoal),
        scoreWeights: {
          connection: num(SETTINGS_BLOCKS.weightConnection),
          rapport: num(SETTINGS_BLOCKS.weightRapport),
          unstatedNeeds: num(SETTINGS_BLOCKS.weightUnstatedNeeds),
          wow: num(SETTINGS_BLOCKS.weightWow),
        },
      },
    });
    if (!result.ok) {
      const problems = result.error.problems ?? [{ field: "scoreGoal", message: result.error.message }];
      const errors: Record<string, string> = {};
      for (const p of problems) {
        const block = BLOCK_FOR[p.field.split(".")[0] ?? ""] ?? SETTINGS_BLOCKS.scoreGoal;
        errors[block] ??= p.message;
      }
      return void (await ack({ response_action: "errors", errors }));
    }
    await ack({ response_action: "clear" });
  };
}
