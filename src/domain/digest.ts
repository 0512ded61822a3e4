// Which days a digest covers and which it notes as missed (PRODUCT.md §4): pure calendar rules on local dates.
import { addDays } from "./local-time.js";
import { isoWeekday } from "./period.js";

/** How many recent members, stories or rows each digest list names before "and N more". */
export const DIGEST_LIST_MAX = 10;
/** Team lines in the workspace digest (one per team): beyond this, "and N more teams". */
export const DIGEST_TEAMS_MAX = 20;
/** How many top stories and lowest scores the digest shows. */
export const DIGEST_TOP_MAX = 5;
/** Interactions to look again at, customer wows to decide and reviews asked for, each (PRODUCT.md §9). */
export const DIGEST_QUALITY_MAX = 5;
/** How many pending paid-day requests get buttons in the digest (two blocks each in Slack). */
export const DIGEST_REQUESTS_MAX = 5;
/** Members with no nomination received in this many days are listed under fairness. */
export const NOT_NOMINATED_DAYS = 30;
/** How many missed days the note names before "and N more". */
export const MISSED_DATES_MAX = 5;
/** The most days one digest covers: after a longer outage the older days are only noted as missed. */
export const DIGEST_COVERAGE_MAX_DAYS = 14;

/** The local dates a digest covers, both included. */
export interface Coverage {
  from: string;
  to: string;
}

/** The last workday strictly before `day` (workdays are ISO weekday numbers; at least one is set). */
export function previousWorkday(day: string, workdays: readonly number[]): string {
  for (let d = addDays(day, -1), i = 0; i < 7; d = addDays(d, -1), i++) {
    if (workdays.includes(isoWeekday(d))) return d;
  }
  return addDays(day, -1);
}

/**
 * What the digest delivered on `day` covers: everything since the period the previous digest covered, up to the day
 * before. The previous digest, delivered on `lastRun`, covered the days before it, so this one starts there: with
 * Monday-Friday workdays Monday's digest covers Friday to Sunday (a digest that covered only the previous workday left
 * the weekend's nominations, scores and idle chats in no digest at all). Without an earlier run it starts at the
 * previous workday; it never reaches back more than DIGEST_COVERAGE_MAX_DAYS.
 */
export function digestCoverage(day: string, workdays: readonly number[], lastRun: string | null): Coverage {
  const earliest = addDays(day, -DIGEST_COVERAGE_MAX_DAYS);
  const from = lastRun ?? previousWorkday(day, workdays);
  return { from: from < earliest ? earliest : from, to: addDays(day, -1) };
}

/**
 * Workdays strictly between the last day a digest ran (`lastRun`) and `day`, not before the workspace existed
 * (`since`): the days whose digest never ran. With no earlier run there is nothing to compare with, so nothing is
 * noted (a workspace's first digest, or the first after this feature was installed).
 */
export function missedWorkdays(lastRun: string | null, day: string, workdays: readonly number[], since: string): string[] {
  if (!lastRun) return [];
  const out: string[] = [];
  for (let d = addDays(lastRun, 1); d < day; d = addDays(d, 1)) {
    if (d >= since && workdays.includes(isoWeekday(d))) out.push(d);
  }
  return out;
}
