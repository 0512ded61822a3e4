// Attendance views, platform-neutral: the daily post in the recognition channel (never showing points) and a
// member's recent occurrences as a lead sees them.
import type { OccurrenceType } from "../domain/attendance.js";
import type { PersonRef } from "./nomination.js";

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
