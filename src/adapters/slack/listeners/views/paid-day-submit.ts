// The paid-day request form's submission: problems next to their inputs; success closes with what happens next.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { requestPaidDay } from "../../../../app/paid-days.js";
import { formatHours } from "../../../../domain/attendance.js";
import type { SlackDeps, WowContext } from "../../deps.js";
import { NOT_PROVISIONED } from "../../provision.js";
import { doneModal } from "../../render/blocks.js";
import { PTO_REQUEST_FIELDS } from "../../render/pto.js";

type Values = Record<string, Record<string, { selected_date?: string | null; value?: string | null }>>;

export function paidDaySubmit(deps: SlackDeps) {
  return async ({ ack, view, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { workspace, member } = context as WowContext;
    const values = view.state.values as Values;
    const error = (block: string, message: string) => ack({ response_action: "errors", errors: { [block]: message } });
    const date = values[PTO_REQUEST_FIELDS.date]?.[PTO_REQUEST_FIELDS.date]?.selected_date;
    if (!workspace || !member) return void (await error(PTO_REQUEST_FIELDS.date, NOT_PROVISIONED));
    if (!date) return void (await error(PTO_REQUEST_FIELDS.date, "Choose the day."));
    const note = values[PTO_REQUEST_FIELDS.note]?.[PTO_REQUEST_FIELDS.note]?.value ?? null;
    const result = await requestPaidDay(deps.ports, { workspace, member, date, note, requestKey: `slack:view:${view.id}` });
    if (!result.ok) {
      const block = result.error.field === "note" ? PTO_REQUEST_FIELDS.note : PTO_REQUEST_FIELDS.date;
      return void (await error(block, result.error.message));
    }
    const { request } = result.value;
    await ack({
      response_action: "update",
      view: doneModal(
        "Paid day off",
        `Requested a paid day off on *${request.date}*. ${formatHours(request.hours)} are held while a lead decides; you'll get a DM with the outcome. Cancel it from \`/pto\` while it's pending.`,
      ),
    });
  };
}
