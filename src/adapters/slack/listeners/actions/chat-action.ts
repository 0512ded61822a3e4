// Every button and menu on wowbot's messages: acknowledged at once (before the workspace and member lookups), its
// payload read into a neutral action and handled by src/chat; the outcome is a private answer to the clicker (the
// original message is left alone) or a modal.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { handleAction } from "../../../../chat/actions.js";
import { chatActionOf, renderMessage } from "../../block-kit.js";
import { slackRequest } from "../../chat-request.js";
import type { SlackDeps } from "../../deps.js";
import { renderForm } from "../../modal.js";
import { provision } from "../../provision.js";

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type Element = Args["action"];

/** The clicked element's value: a button's, or the option chosen in an overflow menu. */
function clickedValue(action: Element): string {
  if ("value" in action && typeof action.value === "string") return action.value;
  return "selected_option" in action && action.selected_option ? String(action.selected_option.value) : "";
}

/** Any click on wowbot's buttons and menus: read into the neutral action (ignored when it is none of them). */
export function chatAction(deps: SlackDeps) {
  return async ({ ack, action, body, respond, client, context }: Args): Promise<void> => {
    await ack();
    const chosen = chatActionOf(action.action_id, clickedValue(action));
    if (!chosen) return;
    await deps.afterAck(async () => {
      // After ack(): the provisioning middleware leaves clicks to their listener, as it does slash commands.
      await provision(deps, context, client);
      const req = slackRequest(deps, context, client, { channel: body.channel?.id ?? null, requestKey: `slack:action:${body.trigger_id}` });
      const outcome = await handleAction(req, chosen);
      if (outcome.kind === "reply") await respond({ response_type: "ephemeral", replace_original: false, ...renderMessage(outcome.view) });
      if (outcome.kind === "form") await client.views.open({ trigger_id: body.trigger_id, view: renderForm(outcome.form) });
    });
  };
}
