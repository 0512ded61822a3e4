// Paid-day buttons: "Request a paid day off" opens the form, "Cancel request" withdraws one (its requester only),
// Approve / Decline decide one (leads only, re-checked in the use case whatever the payload claims).
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { cancelPaidDay, type Decision, decidePaidDay } from "../../../../app/paid-days.js";
import { localDate } from "../../../../domain/local-time.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps, WowContext } from "../../deps.js";
import { renderMessage } from "../../render/index.js";
import { ptoRequestModal } from "../../render/pto.js";

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
const buttonValue = (action: Args["action"]) => ("value" in action && typeof action.value === "string" ? action.value : "");

export function requestPaidDayAction(deps: SlackDeps) {
  return async ({ ack, body, client, context }: Args): Promise<void> => {
    await ack();
    const { workspace, member } = context as WowContext;
    if (!workspace || !member) return;
    const today = localDate(deps.ports.clock.now(), workspace.timezone);
    await client.views.open({ trigger_id: body.trigger_id, view: ptoRequestModal(today, workspace.settings.hoursPerPaidDay) });
  };
}

export function cancelPaidDayAction(deps: SlackDeps) {
  return async ({ ack, action, respond, context }: Args): Promise<void> => {
    await ack();
    const { workspace, member } = context as WowContext;
    if (!workspace || !member) return;
    const result = await cancelPaidDay(deps.ports, { workspace, member, requestId: buttonValue(action) });
    const view = result.ok ? notice(result.value.changed ? "success" : "info", result.value.message) : notice("error", result.error.message);
    await respond({ response_type: "ephemeral", replace_original: false, ...renderMessage(view) });
  };
}

export function decidePaidDayAction(deps: SlackDeps, decision: Decision) {
  return async ({ ack, action, respond, context }: Args): Promise<void> => {
    await ack();
    const { workspace, member } = context as WowContext;
    if (!workspace || !member) return;
    const result = await decidePaidDay(deps.ports, { workspace, lead: member, requestId: buttonValue(action), decision });
    // The post itself updates through the outbox for every lead who got it; the clicker is told privately.
    const view = result.ok ? notice(result.value.changed ? "success" : "info", result.value.message) : notice("error", result.error.message);
    await respond({ response_type: "ephemeral", replace_original: false, ...renderMessage(view) });
  };
}
