// "Second this" on a recognition post: acknowledged at once, the outcome told privately to the person who clicked.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { secondNomination } from "../../../../app/second-nomination.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps, WowContext } from "../../deps.js";
import { renderMessage } from "../../render/index.js";

export function secondAction(deps: SlackDeps) {
  return async ({ ack, action, respond, context }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { workspace, member } = context as WowContext;
    const nominationId = "value" in action && typeof action.value === "string" ? action.value : "";
    if (!workspace || !member) return;
    const result = await secondNomination(deps.ports, { workspace, member, nominationId });
    const view = !result.ok
      ? notice("error", result.error.message)
      : result.value.added
        ? notice("success", `You seconded this wow moment. It now has ${result.value.seconds} second${result.value.seconds === 1 ? "" : "s"}.`)
        : notice("info", "You've already seconded this one.");
    await respond({ response_type: "ephemeral", replace_original: false, ...renderMessage(view) });
  };
}
