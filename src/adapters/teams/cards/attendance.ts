// Adaptive Cards for attendance: a member's recent occurrences for a lead (Delete, confirmed first) and the daily
// attendance post (names, hours and streaks; never points).
import { formatHours, OCCURRENCE_LABEL } from "../../../domain/attendance.js";
import type { AttendancePostView, OccurrenceListView } from "../../../views/attendance.js";
import { PERIOD_NAME } from "../../../views/pto.js";
import { CARD_ACTIONS, confirmAction, executeAction } from "./actions.js";
import { actionSet, type Element, heading, messageCard, note, text } from "./elements.js";
import { LIST_ROWS, truncate } from "./limits.js";
import type { TeamsMessage } from "./message.js";
import { escapeText, Mentions, plainText } from "./text.js";

const LIST_NOTE = 150;

export function renderOccurrenceList(view: OccurrenceListView): TeamsMessage {
  const m = new Mentions();
  const body: Element[] = [heading(`Attendance of ${m.at(view.member)} since ${view.since}`)];
  if (view.occurrences.length === 0) body.push(text("Nothing recorded."));
  for (const o of view.occurrences.slice(0, LIST_ROWS.occurrences)) {
    const label = OCCURRENCE_LABEL[o.type];
    body.push({
      type: "ColumnSet",
      separator: true,
      columns: [
        {
          type: "Column",
          width: "stretch",
          items: [text(`**${o.date}**: ${label}`), ...(o.note ? [text(truncate(escapeText(o.note), LIST_NOTE), { spacing: "None", isSubtle: true })] : [])],
        },
        {
          type: "Column",
          width: "auto",
          verticalContentAlignment: "Center",
          items: [
            actionSet([
              confirmAction(
                "Delete",
                `Delete ${label} on ${o.date}? A closed period is re-evaluated.`,
                executeAction("Delete", CARD_ACTIONS.deleteAttendance, { occurrenceId: o.id }, { style: "destructive" }),
                "Or keep it: close this.",
              ),
            ]),
          ],
        },
      ],
    });
  }
  const more = view.occurrences.length - LIST_ROWS.occurrences;
  if (more > 0) body.push(note(`…and ${more} older record${more === 1 ? "" : "s"} not shown.`));
  return { text: plainText(`Attendance of ${view.member.displayName} since ${view.since}`), card: messageCard(body, [], m) };
}

export function renderAttendancePost(view: AttendancePostView): TeamsMessage {
  const m = new Mentions();
  const body: Element[] = [];
  const p = view.progress;
  if (view.closed) {
    const c = view.closed;
    body.push(heading("🐼 Perfect attendance"));
    if (c.perfect.length === 0) {
      body.push(text(`Nobody had perfect attendance from ${c.start} to ${c.end}. A new period has started: everyone is back at zero.`));
    } else {
      const shown = c.perfect.slice(0, LIST_ROWS.perfect);
      const more = c.more + c.perfect.length - shown.length;
      body.push(text(`Clean attendance from ${c.start} to ${c.end}:`));
      body.push(text(shown.map((x) => `- ${m.at(x.person)}: ${formatHours(x.hours)} earned, streak ${x.streak}`).join("\n"), { spacing: "Small" }));
      if (more > 0) body.push(note(`…and ${more} more.`));
    }
  } else {
    const agents = p.of === 1 ? "agent is" : "agents are";
    body.push(
      text(`🐼 **${p.atZero} of ${p.of}** ${agents} at zero points this ${PERIOD_NAME[p.periodKind]}, ${p.daysLeft} day${p.daysLeft === 1 ? "" : "s"} left.`),
    );
    if (view.milestones.length) {
      const shown = view.milestones.slice(0, LIST_ROWS.milestones);
      const more = view.milestones.length - shown.length;
      body.push(
        text(`**Streaks:** ${shown.map((x) => `${m.at(x.person)} ${x.streak} clean periods in a row`).join(", ")}${more > 0 ? ` and ${more} more` : ""}`),
      );
    }
  }
  const plain = view.closed ? `Perfect attendance: ${view.closed.perfect.length + view.closed.more} people` : `${p.atZero} of ${p.of} at zero points`;
  return { text: plainText(plain), card: messageCard(body, [], m) };
}
