// `/attendance` (leads): the form; `/attendance @agent` their recent records with Delete buttons;
// `/attendance @agent absent|late|excused [YYYY-MM-DD] [note]` records directly. Answers are private.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { mayManageAttendance, recordAttendance } from "../../../../app/record-attendance.js";
import { occurrenceTypeOf } from "../../../../domain/attendance.js";
import { addDays, localDate } from "../../../../domain/local-time.js";
import type { View } from "../../../../views/index.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps } from "../../deps.js";
import { memberOf, NOT_PROVISIONED, PERSON_NOT_FOUND, provision } from "../../provision.js";
import { attendanceModal } from "../../render/attendance.js";
import { renderMessage } from "../../render/index.js";
import { parseAttendanceText } from "../../slack-text.js";

export const ATTENDANCE_USAGE =
  "Usage: `/attendance` for the form, `/attendance @agent` for their recent records, or `/attendance @agent absent|late|excused [YYYY-MM-DD] [note]`.";
/** How far back `/attendance @agent` lists records. */
const LIST_DAYS = 60;

export function attendanceCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const reply = async (view: View) => void (await respond({ response_type: "ephemeral", ...renderMessage(view) }));
    const { workspace, member: lead } = await provision(deps, context, client);
    if (!workspace || !lead) return reply(notice("error", NOT_PROVISIONED));
    const refused = mayManageAttendance(lead);
    if (refused) return reply(notice("error", refused.message));
    const today = localDate(deps.ports.clock.now(), workspace.timezone);
    const parsed = parseAttendanceText(command.text);
    switch (parsed.kind) {
      case "usage":
        return reply(notice("info", ATTENDANCE_USAGE));
      case "modal":
        await client.views.open({ trigger_id: command.trigger_id, view: attendanceModal({ today }) });
        return;
      case "list": {
        const member = await memberOf(deps, context, client, workspace.id, parsed.member);
        if (!member) return reply(notice("error", PERSON_NOT_FOUND));
        const since = addDays(today, -LIST_DAYS);
        const occurrences = await deps.ports.attendance.recentOccurrences(member.id, since, 100);
        return reply({ kind: "attendance.list", member: { platformUserId: member.platformUserId, displayName: member.displayName }, since, occurrences });
      }
      case "record": {
        const type = occurrenceTypeOf(parsed.type);
        if (!type) return reply(notice("error", `"${parsed.type}" is not a type of attendance record: use absent, late or excused.`));
        const member = await memberOf(deps, context, client, workspace.id, parsed.member, true);
        if (!member) return reply(notice("error", PERSON_NOT_FOUND));
        const result = await recordAttendance(deps.ports, { workspace, lead, member, date: parsed.date ?? today, type, note: parsed.note });
        if (!result.ok) return reply(notice("error", result.error.message));
        return reply(notice(result.value.status === "recorded" ? "success" : "info", result.value.message));
      }
    }
  };
}
