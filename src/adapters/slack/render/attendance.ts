// Block Kit for attendance: the lead's /attendance modal, a member's recent occurrences with Delete buttons, and
// the daily attendance post (names, hours and streaks; never points).
import { ATTENDANCE_NOTE_MAX, formatHours, OCCURRENCE_LABEL } from "../../../domain/attendance.js";
import type { AttendancePostView, OccurrenceListView } from "../../../views/attendance.js";
import { PERIOD_NAME } from "../../../views/pto.js";
import { option, section } from "./blocks.js";
import { truncate } from "./limits.js";
import { escapeText, mention } from "./text.js";

export const ATTENDANCE_MODAL = "attendance.submit";
export const ATTENDANCE_FIELDS = { member: "member", date: "date", type: "type", note: "note" } as const;
export const ATTENDANCE_ACTIONS = { delete: "attendance.delete" } as const;

export function attendanceModal(input: { member?: string; today: string }) {
  return {
    type: "modal" as const,
    callback_id: ATTENDANCE_MODAL,
    title: { type: "plain_text" as const, text: "Record attendance" },
    submit: { type: "plain_text" as const, text: "Record" },
    close: { type: "plain_text" as const, text: "Cancel" },
    blocks: [
      {
        type: "input",
        block_id: ATTENDANCE_FIELDS.member,
        label: { type: "plain_text", text: "Agent" },
        element: { type: "users_select", action_id: ATTENDANCE_FIELDS.member, ...(input.member ? { initial_user: input.member } : {}) },
      },
      {
        type: "input",
        block_id: ATTENDANCE_FIELDS.date,
        label: { type: "plain_text", text: "Date" },
        element: { type: "datepicker", action_id: ATTENDANCE_FIELDS.date, initial_date: input.today },
      },
      {
        type: "input",
        block_id: ATTENDANCE_FIELDS.type,
        label: { type: "plain_text", text: "What happened" },
        element: {
          type: "radio_buttons",
          action_id: ATTENDANCE_FIELDS.type,
          options: [option("absence", "Absence"), option("late", "Late arrival"), option("excused", "Excused absence")],
        },
      },
      {
        type: "input",
        block_id: ATTENDANCE_FIELDS.note,
        optional: true,
        label: { type: "plain_text", text: "Note" },
        element: { type: "plain_text_input", action_id: ATTENDANCE_FIELDS.note, multiline: true, max_length: ATTENDANCE_NOTE_MAX },
      },
    ],
  };
}

/** Rows a list shows, and note characters per row: a message's blocks must stay under ~12,000 characters. */
export const LIST_ROWS = 15;
const LIST_NOTE = 150;

/** A member's recent occurrences for a lead, newest first, each with a Delete button (confirmed). */
export function renderOccurrenceList(view: OccurrenceListView) {
  const who = mention(view.member.platformUserId);
  const blocks: Array<Record<string, unknown>> = [section(`*Attendance of ${who} since ${view.since}*`)];
  if (view.occurrences.length === 0) blocks.push(section("Nothing recorded."));
  for (const o of view.occurrences.slice(0, LIST_ROWS)) {
    const label = OCCURRENCE_LABEL[o.type];
    blocks.push({
      ...section(`*${o.date}*: ${label}${o.note ? `\n${truncate(escapeText(o.note), LIST_NOTE)}` : ""}`),
      accessory: {
        type: "button",
        action_id: ATTENDANCE_ACTIONS.delete,
        value: o.id,
        text: { type: "plain_text", text: "Delete" },
        confirm: {
          title: { type: "plain_text", text: "Delete this record?" },
          text: { type: "plain_text", text: `Delete ${label} on ${o.date}? A closed period is re-evaluated.` },
          confirm: { type: "plain_text", text: "Delete" },
          deny: { type: "plain_text", text: "Keep" },
        },
      },
    });
  }
  const more = view.occurrences.length - LIST_ROWS;
  if (more > 0) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `…and ${more} older record${more === 1 ? "" : "s"} not shown.` }] });
  return { text: `Attendance of ${escapeText(view.member.displayName)} since ${view.since}`, blocks };
}

export function renderAttendancePost(view: AttendancePostView) {
  const blocks: Array<Record<string, unknown>> = [];
  const p = view.progress;
  if (view.closed) {
    const c = view.closed;
    blocks.push({ type: "header", text: { type: "plain_text", text: ":panda_face: Perfect attendance", emoji: true } });
    if (c.perfect.length === 0) {
      blocks.push(section(`Nobody had perfect attendance from ${c.start} to ${c.end}. A new period has started: everyone is back at zero.`));
    } else {
      const lines = c.perfect.map((m) => `• ${mention(m.person.platformUserId)}: ${formatHours(m.hours)} earned, streak ${m.streak}`);
      const more = c.more > 0 ? `\n…and ${c.more} more.` : "";
      blocks.push(section(`Clean attendance from ${c.start} to ${c.end}:\n${lines.join("\n")}${more}`));
    }
  } else {
    const agents = p.of === 1 ? "agent is" : "agents are";
    blocks.push(
      section(
        `:panda_face: *${p.atZero} of ${p.of}* ${agents} at zero points this ${PERIOD_NAME[p.periodKind]}, ${p.daysLeft} day${p.daysLeft === 1 ? "" : "s"} left.`,
      ),
    );
    if (view.milestones.length) {
      blocks.push(section(`*Streaks:* ${view.milestones.map((m) => `${mention(m.person.platformUserId)} ${m.streak} clean periods in a row`).join(", ")}`));
    }
  }
  const text = view.closed ? `Perfect attendance: ${view.closed.perfect.length + view.closed.more} people` : `${p.atZero} of ${p.of} at zero points`;
  return { text, blocks };
}
