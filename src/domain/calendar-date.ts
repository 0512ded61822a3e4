// Dates people type, read one way for every command that takes one: YYYY-MM-DD, or `today` / `yesterday` where the
// command knows today. A word that looks like a date but is not one we read is refused, never taken as a note.

import { addDays } from "./local-time.js";
import { fail, ok, type Result } from "./result.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The dates wowbot works with: a typed date outside them is a typo (9999-12-31), and time-zone arithmetic breaks there. */
export const FIRST_DATE = "2000-01-01";
export const LAST_DATE = "2099-12-31";

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const NUMERIC = /^\d+(?:[-/.]\d+)+$|^\d{8}$/; // 12/07/2026, 2026/12/04, 2026-12-7, 7.12.2026, 20261207
const RELATIVE = /^(?:today|yesterday|tomorrow)$/i;
const WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;
const MONTH =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?$/i;
const DAY_NUMBER = /^\d{1,2}(?:st|nd|rd|th)?,?$/i;

/**
 * Whether the words at the start of `text` are meant as a date (so they must be one we read), and how many words that
 * date takes: "12/07/2026", "yesterday", "monday", "dec 7", "7 december". 0 when the text does not start with a date.
 */
export function dateWordsAt(words: readonly string[]): number {
  const [first = "", second = ""] = words;
  if (NUMERIC.test(first) || RELATIVE.test(first) || WEEKDAY.test(first)) return 1;
  // A month name alone is a word ("may"); with a day number beside it, it is a date.
  if ((MONTH.test(first) && DAY_NUMBER.test(second)) || (DAY_NUMBER.test(first) && MONTH.test(second))) return 2;
  return 0;
}

/**
 * Reads a typed date. `today` (the workspace's local date) lets `today` and `yesterday` be understood; without it
 * (the CLI, which runs before it knows a workspace) only YYYY-MM-DD is. `what` names the date in the message
 * ("the from date") when a command takes more than one.
 */
export function readTypedDate(text: string, options: { today?: string; what?: string } = {}): Result<string> {
  const { today, what } = options;
  const word = text.trim();
  if (today && /^today$/i.test(word)) return ok(today);
  if (today && /^yesterday$/i.test(word)) return ok(addDays(today, -1));
  if (!isCalendarDate(word)) {
    const message = `"${word.slice(0, 40)}" is not a date: use YYYY-MM-DD${today ? ", today or yesterday" : ""}${what ? ` for ${what}` : ""}.`;
    return fail({ code: "DATE.BAD", field: "date", message });
  }
  if (word < FIRST_DATE || word > LAST_DATE) {
    return fail({ code: "DATE.OUT_OF_RANGE", field: "date", message: `${word} is outside the dates wowbot works with (${FIRST_DATE} to ${LAST_DATE}).` });
  }
  return ok(word);
}
