// Every button and menu on wowbot's messages: acknowledged at once (before the workspace and member lookups), its
// payload read into a neutral action and handled by src/chat; the outcome is a private answer to the clicker (the
// original message is left alone) or a modal.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { type ChatAction, handleAction } from "../../../../chat/actions.js";
import { slackRequest } from "../../chat-request.js";
import type { SlackDeps } from "../../deps.js";
import { provision } from "../../provision.js";
import { renderForm } from "../../render/form.js";
import { renderMessage } from "../../render/index.js";

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type Element = Args["action"];

/** A button's value. */
export const buttonValue = (action: Element) => ("value" in action && typeof action.value === "string" ? action.value : "");
/** An overflow menu's chosen value. */
export const chosenValue = (action: Element) => ("selected_option" in action && action.selected_option ? String(action.selected_option.value) : "");

/** `read` turns the clicked element into the neutral action, or null to ignore it. */
export function chatAction(deps: SlackDeps, read: (action: Element) => ChatAction | null) {
  return async ({ ack, action, body, respond, client, context }: Args): Promise<void> => {
    await ack();
    const chosen = read(action);
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

/** The recognition post's overflow menu: "retract:<id>" (the nominator, within an hour) or "remove:<id>" (admins). */
export function manageNomination(action: Element): ChatAction | null {
  const [how, nominationId = ""] = chosenValue(action).split(":");
  if (how === "retract") return { kind: "nomination.retract", nominationId };
  if (how === "remove") return { kind: "nomination.remove", nominationId };
  return null;
}
