// Paid time off from the ledger (PRODUCT.md §3): whole paid days, progress to the next one, and what a paid-day
// request may ask for. Pure arithmetic on hours with two decimals.

import { formatHours, roundHours } from "./attendance.js";
import { isCalendarDate } from "./calendar-date.js";
import { addDays } from "./local-time.js";
import { isoWeekday } from "./period.js";
import type { DomainError } from "./result.js";
import type { WorkspaceSettings } from "./settings.js";

export const PTO_NOTE_MAX = 500;
/** How far ahead a paid day can be requested. */
export const PTO_REQUEST_HORIZON_DAYS = 366;

export interface PtoBalance {
  balance: number;
  /** Hours held by pending requests. */
  reserved: number;
  /** What a new request can use: balance minus reservations. */
  available: number;
  wholeDays: number;
  /** Hours still to earn for the next whole paid day. */
  toNextDay: number;
}

export function ptoBalance(balance: number, reserved: number, hoursPerPaidDay: number): PtoBalance {
  const available = roundHours(balance - reserved);
  // In whole hundredths, floored before anything is rounded: 7.98 h of 8 is no paid day yet (0.9975 rounded to two
  // decimals read as one, while a request was refused), and 15.97 h is one, not two.
  const cents = (hours: number) => Math.round(hours * 100);
  const wholeDays = Math.floor(cents(balance) / cents(hoursPerPaidDay));
  return {
    balance: roundHours(balance),
    reserved: roundHours(reserved),
    available,
    wholeDays,
    toNextDay: roundHours((wholeDays + 1) * hoursPerPaidDay - balance),
  };
}

export const canRequestPaidDay = (b: PtoBalance, hoursPerPaidDay: number): boolean => b.available + 1e-9 >= hoursPerPaidDay;

/** Checks a paid-day request: enough unreserved hours, a workday from today on, within a year. */
export function checkPaidDayRequest(input: {
  date: string;
  note: string | null;
  today: string;
  balance: PtoBalance;
  settings: Pick<WorkspaceSettings, "hoursPerPaidDay" | "workdays">;
  alreadyRequested: boolean;
}): DomainError | null {
  const { date, today, balance, settings } = input;
  const hpd = settings.hoursPerPaidDay;
  if (!canRequestPaidDay(balance, hpd)) {
    const held = balance.reserved > 0 ? ` (${formatHours(balance.reserved)} are held by pending requests)` : "";
    return {
      code: "PTO.NOT_ENOUGH",
      field: "date",
      message: `A paid day takes ${formatHours(hpd)}; you have ${formatHours(balance.available)} available${held}.`,
    };
  }
  if (!isCalendarDate(date)) return { code: "PTO.BAD_DATE", field: "date", message: `"${date}" is not a date: use YYYY-MM-DD.` };
  if (date < today) return { code: "PTO.PAST", field: "date", message: `${date} has passed: choose today or a later day.` };
  if (date > addDays(today, PTO_REQUEST_HORIZON_DAYS)) {
    return { code: "PTO.TOO_FAR", field: "date", message: `Requests can be made up to a year ahead; ${date} is further out.` };
  }
  if (!settings.workdays.includes(isoWeekday(date))) {
    return { code: "PTO.NOT_WORKDAY", field: "date", message: `${date} is not a workday, so it needs no paid day off.` };
  }
  if (input.alreadyRequested) {
    return { code: "PTO.DUPLICATE", field: "date", message: `You already have a request for ${date}.` };
  }
  if (input.note && input.note.length > PTO_NOTE_MAX) {
    return { code: "PTO.NOTE_TOO_LONG", field: "note", message: `The note is ${input.note.length} characters; the limit is ${PTO_NOTE_MAX}.` };
  }
  return null;
}
