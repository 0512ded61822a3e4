// The recognition post's overflow menu: retract (the nominator, within an hour) or remove (admins).
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { closeNomination } from "../../../../app/close-nomination.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps, WowContext } from "../../deps.js";
import { renderMessage } from "../../render/index.js";

export function manageNominationAction(deps: SlackDeps) {
  return async ({ ack, action, respond, context }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { workspace, member } = context as WowContext;
    if (!workspace || !member) return;
    const chosen = "selected_option" in action && action.selected_option ? String(action.selected_option.value) : "";
    const [how, nominationId = ""] = chosen.split(":");
    if (how !== "retract" && how !== "remove") return;
    const result = await closeNomination(deps.ports, { workspace, member, nominationId, how });
    const view = result.ok
      ? notice(
          "success",
          result.value.status === "retracted" ? "You retracted your nomination; the post now says so." : "Nomination removed; the post now says so.",
        )
      : notice("error", result.error.message);
    await respond({ response_type: "ephemeral", replace_original: false, ...renderMessage(view) });
  };
}
