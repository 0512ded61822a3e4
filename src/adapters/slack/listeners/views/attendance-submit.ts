// The /attendance form's submission: problems next to their inputs; success (or a no-op duplicate) says so.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { recordAttendance } from "../../../../app/record-attendance.js";
import { occurrenceTypeOf } from "../../../../domain/attendance.js";
import type { SlackDeps, WowContext } from "../../deps.js";
import { memberOf, PERSON_NOT_FOUND } from "../../provision.js";
import { ATTENDANCE_FIELDS } from "../../render/attendance.js";
import { doneModal } from "../../render/blocks.js";

type Values = Record<
  string,
  Record<string, { selected_user?: string | null; selected_date?: string | null; value?: string | null; selected_option?: { value: string } | null }>
>;

export function attendanceSubmit(deps: SlackDeps) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { workspace, member: lead } = context as WowContext;
    const values = view.state.values as Values;
    const field = (f: keyof typeof ATTENDANCE_FIELDS) => values[ATTENDANCE_FIELDS[f]]?.[ATTENDANCE_FIELDS[f]];
    const error = (block: string, message: string) => ack({ response_action: "errors", errors: { [block]: message } });
    const memberId = field("member")?.selected_user;
    if (!workspace || !lead || !memberId) return void (await error(ATTENDANCE_FIELDS.member, "Choose the agent."));
    const type = occurrenceTypeOf(field("type")?.selected_option?.value ?? "");
    if (!type) return void (await error(ATTENDANCE_FIELDS.type, "Choose absence, late arrival or excused absence."));
    const date = field("date")?.selected_date;
    if (!date) return void (await error(ATTENDANCE_FIELDS.date, "Choose the date."));
    const member = await memberOf(deps, context, client, workspace.id, memberId, true);
    if (!member) return void (await error(ATTENDANCE_FIELDS.member, PERSON_NOT_FOUND));
    const result = await recordAttendance(deps.ports, { workspace, lead, member, date, type, note: field("note")?.value ?? null });
    if (!result.ok) {
      const block = result.error.field && result.error.field in ATTENDANCE_FIELDS ? result.error.field : ATTENDANCE_FIELDS.member;
      return void (await error(block, result.error.message));
    }
    await ack({ response_action: "update", view: doneModal("Attendance", result.value.message) });
  };
}
