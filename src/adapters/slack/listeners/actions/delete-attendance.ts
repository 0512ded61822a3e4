// "Delete" on a lead's list of attendance records: re-checked in the use case (a forged click by an agent is
// refused); the answer replaces nothing and is private.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { deleteAttendance } from "../../../../app/record-attendance.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps, WowContext } from "../../deps.js";
import { renderMessage } from "../../render/index.js";

export function deleteAttendanceAction(deps: SlackDeps) {
  return async ({ ack, action, respond, context }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { workspace, member } = context as WowContext;
    if (!workspace || !member) return;
    const occurrenceId = "value" in action && typeof action.value === "string" ? action.value : "";
    const result = await deleteAttendance(deps.ports, { workspace, lead: member, occurrenceId });
    const view = result.ok ? notice(result.value.status === "deleted" ? "success" : "info", result.value.message) : notice("error", result.error.message);
    await respond({ response_type: "ephemeral", replace_original: false, ...renderMessage(view) });
  };
}
