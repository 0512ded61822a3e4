// Attendance rules (PRODUCT.md §3): what may be recorded on a day, the points it carries, and how a period is
// evaluated into a streak and a reward. Pure: the close job and late corrections both decide through here.
import { isCalendarDate } from "./calendar-date.js";
import type { DomainError } from "./result.js";
import type { WorkspaceSettings } from "./settings.js";

export const OCCURRENCE_TYPES = ["absence", "late", "excused"] as const;
export type OccurrenceType = (typeof OCCURRENCE_TYPES)[number];
export const ATTENDANCE_NOTE_MAX = 500;

export const OCCURRENCE_LABEL: Record<OccurrenceType, string> = { absence: "an absence", late: "a late arrival", excused: "an excused absence" };

/** Words people type for each type in `/attendance @agent <type>`. */
const TYPE_WORDS: Record<string, OccurrenceType> = {
  absent: "absence",
  absence: "absence",
  late: "late",
  excused: "excused",
};

/** Own keys only: "__proto__" or "constructor" would otherwise find Object's and pass as a type (found by fuzzing). */
export const occurrenceTypeOf = (word: string): OccurrenceType | null => {
  const key = word.toLowerCase();
  return Object.hasOwn(TYPE_WORDS, key) ? (TYPE_WORDS[key] ?? null) : null;
};

export interface OccurrenceDraft {
  memberName: string;
  date: string;
  type: OccurrenceType;
  note: string | null;
}

/**
 * Whether an occurrence may be recorded, given what the member already has on that day. A day holds one
 * occurrence: one absence (excused or not), or one late arrival; the same type again is a no-op that says so.
 */
export function checkOccurrence(
  draft: OccurrenceDraft,
  today: string,
  sameDay: ReadonlyArray<{ type: OccurrenceType }>,
): { status: "new" } | { status: "duplicate"; message: string } | { status: "refused"; error: DomainError } {
  if (!isCalendarDate(draft.date)) {
    return { status: "refused", error: { code: "ATTENDANCE.BAD_DATE", field: "date", message: `"${draft.date}" is not a date: use YYYY-MM-DD.` } };
  }
  if (draft.date > today) {
    return {
      status: "refused",
      error: {
        code: "ATTENDANCE.FUTURE",
        field: "date",
        message: `${draft.date} is in the future (today is ${today}): record attendance once it has happened.`,
      },
    };
  }
  if (draft.note && draft.note.length > ATTENDANCE_NOTE_MAX) {
    return {
      status: "refused",
      error: { code: "ATTENDANCE.NOTE_TOO_LONG", field: "note", message: `The note is ${draft.note.length} characters; the limit is ${ATTENDANCE_NOTE_MAX}.` },
    };
  }
  const existing = sameDay[0];
  if (!existing) return { status: "new" };
  if (existing.type === draft.type) {
    return { status: "duplicate", message: `${draft.memberName} already has ${OCCURRENCE_LABEL[draft.type]} on ${draft.date}. Nothing changed.` };
  }
  const message =
    draft.type === "late" && existing.type !== "late"
      ? `${draft.memberName} has ${OCCURRENCE_LABEL[existing.type]} on ${draft.date}, so a late arrival can't be recorded that day.`
      : `${draft.memberName} already has ${OCCURRENCE_LABEL[existing.type]} on ${draft.date}. Delete it first if it was wrong.`;
  return { status: "refused", error: { code: "ATTENDANCE.CONFLICT", field: "type", message } };
}

export const pointsFor = (type: OccurrenceType, settings: Pick<WorkspaceSettings, "pointsPerType">): number => settings.pointsPerType[type];

/** Hours with two decimals, as the ledger stores them. */
export const roundHours = (h: number): number => Math.round(h * 100) / 100;

/** The reward for the n-th consecutive clean period (1-based); the last tier repeats. */
export function tierHours(tiers: readonly number[], streak: number): number {
  if (streak < 1 || tiers.length === 0) return 0;
  return tiers[Math.min(streak, tiers.length) - 1] ?? 0;
}

export interface PeriodEvaluation {
  clean: boolean;
  streak: number;
  /** Hours to credit (0 when not clean or capped out). */
  hours: number;
  /** Set when the cap reduced the reward. */
  capNote: string | null;
}

/**
 * A member's period: zero points is clean and earns the tier of the streak it extends (the member's previous
 * evaluated period); any points reset the streak. With a cap, credits stop at the cap and say so.
 */
export function evaluatePeriod(input: {
  points: number;
  previousStreak: number;
  balance: number;
  settings: Pick<WorkspaceSettings, "rewardTiers" | "accrualCapHours">;
}): PeriodEvaluation {
  if (input.points > 0) return { clean: false, streak: 0, hours: 0, capNote: null };
  const streak = input.previousStreak + 1;
  const reward = tierHours(input.settings.rewardTiers, streak);
  const cap = input.settings.accrualCapHours;
  if (cap === null || input.balance + reward <= cap) return { clean: true, streak, hours: reward, capNote: null };
  const hours = roundHours(Math.max(0, cap - input.balance));
  return { clean: true, streak, hours, capNote: `accrual cap of ${formatHours(cap)}: ${formatHours(reward)} earned, ${formatHours(hours)} credited` };
}

/** A reversal takes back what a period credited, but never below a zero balance; the rest is the shortfall. */
export function reversal(credited: number, balance: number): { hours: number; shortfall: number } {
  const hours = roundHours(Math.max(0, Math.min(credited, balance)));
  return { hours, shortfall: roundHours(credited - hours) };
}

/** "2 h", "2.5 h", "0.25 h". */
export function formatHours(h: number): string {
  return `${Number(roundHours(h).toFixed(2))} h`;
}
