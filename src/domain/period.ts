// Attendance periods (PRODUCT.md §3): week (Monday start), two-week and calendar month, as local calendar dates in
// the workspace time zone. Dates, not instants, decide membership, so a member in another time zone and a DST change
// never move a day into the wrong period; instants come last, from the workspace's own midnight.
import { addDays, localDate, zonedInstant } from "./local-time.js";

export type PeriodKind = "week" | "two-week" | "month";

/** Two-week periods count from this Monday; any Monday would do, this one only has to never change. */
export const TWO_WEEK_ANCHOR = "2024-01-01";

export interface Period {
  kind: PeriodKind;
  /** First local date of the period. */
  start: string;
  /** First local date after the period (exclusive). */
  end: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** ISO weekday of a calendar date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The period a local date belongs to. */
export function periodContaining(date: string, kind: PeriodKind): Period {
  switch (kind) {
    case "week": {
      const start = addDays(date, 1 - isoWeekday(date));
      return { kind, start, end: addDays(start, 7) };
    }
    case "two-week": {
      const offset = dayNumber(date) - dayNumber(TWO_WEEK_ANCHOR);
      const start = addDays(TWO_WEEK_ANCHOR, Math.floor(offset / 14) * 14);
      return { kind, start, end: addDays(start, 14) };
    }
    case "month": {
      const [y, m] = date.split("-").map(Number);
      const start = `${date.slice(0, 7)}-01`;
      const next = new Date(Date.UTC(y ?? 0, m ?? 1, 1)).toISOString().slice(0, 10);
      return { kind, start, end: next };
    }
  }
}

/** The period in force at an instant, in a time zone. */
export function periodAt(instant: Date, timeZone: string, kind: PeriodKind): Period {
  return periodContaining(localDate(instant, timeZone), kind);
}

export const nextPeriod = (p: Period): Period => periodContaining(p.end, p.kind);
export const previousPeriod = (p: Period): Period => periodContaining(addDays(p.start, -1), p.kind);

/** Every local date of the period, in order. */
export function datesOf(p: Period): string[] {
  const out: string[] = [];
  for (let d = p.start; d < p.end; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Days of the period after `today` (today itself not counted): "3 days left". */
export function daysLeft(p: Period, today: string): number {
  return Math.max(0, dayNumber(p.end) - dayNumber(today) - 1);
}

/** The instants the period starts and ends at: the workspace's local midnights, whatever DST does in between. */
export function periodInstants(p: Period, timeZone: string): { startsAt: Date; endsAt: Date } {
  return { startsAt: zonedInstant(p.start, "00:00", timeZone), endsAt: zonedInstant(p.end, "00:00", timeZone) };
}
