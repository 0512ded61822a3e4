// Attendance views, platform-neutral: the daily post in the recognition channel (never showing points) and a
// member's recent occurrences as a lead sees them.
import { formatHours, OCCURRENCE_LABEL, type OccurrenceType } from "../domain/attendance.js";
import { type Block, bold, emoji, heading, item, line, list, type Message, person, note as small, t } from "./elements.js";
import type { PersonRef } from "./person.js";
import { PERIOD_NAME } from "./pto.js";

/** Streaks (in clean periods) that get a mention in the daily post. */
export const STREAK_MILESTONES = [3, 5, 10, 15, 20, 26, 52] as const;

export interface AttendancePostFacts {
  date: string;
  /** A period that closed today: the perfect-attendance roll with hours earned and streaks. */
  closed: {
    start: string;
    end: string;
    perfect: Array<{ person: PersonRef; hours: number; streak: number }>;
    /** Zero-point members beyond those listed. */
    more: number;
  } | null;
  /** The current period: how many members are at zero points and how many days are left. */
  progress: { atZero: number; of: number; daysLeft: number; periodKind: "week" | "two-week" | "month" };
  /** Members whose streak reached a milestone at the latest close. */
  milestones: Array<{ person: PersonRef; streak: number }>;
}

export interface AttendancePostView extends AttendancePostFacts {
  kind: "attendance.post";
}

export const attendancePostView = (f: AttendancePostFacts): AttendancePostView => ({ kind: "attendance.post", ...f });

export interface OccurrenceListView {
  kind: "attendance.list";
  member: PersonRef;
  since: string;
  occurrences: Array<{ id: string; date: string; type: OccurrenceType; note: string | null }>;
}

/** Rows the list shows, and note characters per row. */
const LIST_ROWS = 15;
const LIST_NOTE = 150;
const ROLL_ROWS = 40;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** A member's recent occurrences for a lead, newest first, each with a Delete button (confirmed first). */
export function occurrenceListMessage(view: OccurrenceListView): Message {
  const blocks: Block[] = [heading(t`Attendance of ${person(view.member)} since ${view.since}`)];
  if (view.occurrences.length === 0) blocks.push(line(t`Nothing recorded.`));
  for (const o of view.occurrences.slice(0, LIST_ROWS)) {
    const label = OCCURRENCE_LABEL[o.type];
    const note = o.note && o.note.length > LIST_NOTE ? `${o.note.slice(0, LIST_NOTE - 1)}…` : o.note;
    blocks.push(
      item(
        t`${bold(o.date)}: ${label}`,
        {
          label: "Delete",
          action: { kind: "attendance.delete", occurrenceId: o.id },
          confirm: {
            title: "Delete this record?",
            text: `Delete ${label} on ${o.date}? A closed period is re-evaluated.`,
            yes: "Delete",
            no: "Keep",
            otherwise: "Or keep it: close this.",
          },
        },
        note ? [note] : undefined,
      ),
    );
  }
  const more = view.occurrences.length - LIST_ROWS;
  if (more > 0) blocks.push(small(t`…and ${plural(more, "older record")} not shown.`));
  return { summary: t`Attendance of ${view.member.displayName} since ${view.since}`, blocks };
}

/** The daily post: the period's progress and streak milestones, or the roll of a period that closed today. */
export function attendancePostMessage(view: AttendancePostView): Message {
  const p = view.progress;
  const blocks: Block[] = [];
  if (view.closed) {
    const c = view.closed;
    blocks.push(heading(t`${emoji("panda_face")} Perfect attendance`));
    if (c.perfect.length === 0) {
      blocks.push(line(t`Nobody had perfect attendance from ${c.start} to ${c.end}. A new period has started: everyone is back at zero.`));
    } else {
      const shown = c.perfect.slice(0, ROLL_ROWS);
      const more = c.more + c.perfect.length - shown.length;
      blocks.push(
        line(t`Clean attendance from ${c.start} to ${c.end}:`),
        list(
          shown.map((m) => t`${person(m.person)}: ${formatHours(m.hours)} earned, streak ${m.streak}`),
          more > 0 ? t`…and ${more} more.` : undefined,
        ),
      );
    }
  } else {
    const agents = p.of === 1 ? "agent is" : "agents are";
    blocks.push(
      line(
        t`${emoji("panda_face")} ${bold(`${p.atZero} of ${p.of}`)} ${agents} at zero points this ${PERIOD_NAME[p.periodKind]}, ${plural(p.daysLeft, "day")} left.`,
      ),
    );
    if (view.milestones.length) {
      const shown = view.milestones.slice(0, ROLL_ROWS);
      const more = view.milestones.length - shown.length;
      const streaks = shown.flatMap((m, i) => [...(i ? [", "] : []), person(m.person), ` ${m.streak} clean periods in a row`]);
      blocks.push(line(t`${bold("Streaks:")} ${streaks}${more > 0 ? ` and ${more} more` : ""}`));
    }
  }
  const summary = view.closed ? t`Perfect attendance: ${view.closed.perfect.length + view.closed.more} people` : t`${p.atZero} of ${p.of} at zero points`;
  return { summary, blocks };
}
