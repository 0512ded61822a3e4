// "Score this interaction" on a recognition post: the quick-score form prefilled with the nominee and reference,
// for leads; anyone else, even with a hand-made payload, is refused privately.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { mayScore } from "../../../../app/record-quick-score.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps, WowContext } from "../../deps.js";
import { renderMessage } from "../../render/index.js";
import { scoreModal } from "../../render/score.js";

export function scoreNominationAction(deps: SlackDeps) {
  return async ({ ack, action, body, respond, client, context }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { workspace, member } = context as WowContext;
    if (!workspace || !member) return;
    const tell = (text: string) => respond({ response_type: "ephemeral", replace_original: false, ...renderMessage(notice("error", text)) });
    const refused = mayScore(member);
    if (refused) return void (await tell(refused.message));
    const nominationId = "value" in action && typeof action.value === "string" ? action.value : "";
    const nomination = await deps.ports.nominations.find(nominationId);
    const nominee = nomination && nomination.workspaceId === workspace.id ? await deps.ports.members.findById(nomination.nomineeId) : null;
    if (!nomination || !nominee) return void (await tell("That nomination doesn't exist any more."));
    await client.views.open({ trigger_id: body.trigger_id, view: scoreModal({ agent: nominee.platformUserId, reference: nomination.reference }) });
  };
}
