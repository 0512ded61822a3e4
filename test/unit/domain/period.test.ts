// Attendance periods: table tests for each kind (DST weeks in Los Angeles and Berlin included) and properties that
// must hold for every date and zone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../src/domain/local-time.js";
import {
  datesOf,
  daysLeft,
  isoWeekday,
  nextPeriod,
  type PeriodKind,
  periodAt,
  periodContaining,
  periodInstants,
  previousPeriod,
} from "../../../src/domain/period.js";

const HOUR = 3_600_000;

describe("attendance periods", () => {
  it.each<[string, PeriodKind, string, string]>([
    ["2026-03-04", "week", "2026-03-02", "2026-03-09"], // Wednesday
    ["2026-03-02", "week", "2026-03-02", "2026-03-09"], // Monday
    ["2026-03-08", "week", "2026-03-02", "2026-03-09"], // Sunday belongs to the week that started on Monday
    ["2025-12-31", "week", "2025-12-29", "2026-01-05"], // across a year
    ["2024-01-01", "two-week", "2024-01-01", "2024-01-15"],
    ["2024-01-14", "two-week", "2024-01-01", "2024-01-15"],
    ["2024-01-15", "two-week", "2024-01-15", "2024-01-29"],
    ["2023-12-31", "two-week", "2023-12-18", "2024-01-01"], // before the anchor
    ["2026-02-14", "month", "2026-02-01", "2026-03-01"],
    ["2024-02-29", "month", "2024-02-01", "2024-03-01"],
    ["2026-12-31", "month", "2026-12-01", "2027-01-01"],
  ])("%s in a %s period runs from %s to %s", (date, kind, start, end) => {
    expect(periodContaining(date, kind)).toEqual({ kind, start, end });
  });

  it("finds the period at an instant in the workspace's zone, not UTC's", () => {
    // Sunday 23:30 in Los Angeles is already Monday in UTC.
    const sundayNightLA = new Date("2026-03-09T06:30:00Z");
    expect(periodAt(sundayNightLA, "America/Los_Angeles", "week").start).toBe("2026-03-02");
    expect(periodAt(sundayNightLA, "UTC", "week").start).toBe("2026-03-09");
  });

  it.each([
    ["America/Los_Angeles", "2026-03-02", 7 * 24 - 1], // clocks go forward on Sunday 8 March
    ["America/Los_Angeles", "2026-10-26", 7 * 24 + 1], // back on Sunday 1 November
    ["Europe/Berlin", "2026-03-23", 7 * 24 - 1], // forward on Sunday 29 March
    ["Europe/Berlin", "2026-10-19", 7 * 24 + 1], // back on Sunday 25 October
    ["Europe/Berlin", "2026-06-01", 7 * 24],
  ])("a DST week in %s starting %s lasts %i hours, from local midnight to local midnight", (zone, monday, hours) => {
    const p = periodContaining(monday, "week");
    const { startsAt, endsAt } = periodInstants(p, zone);
    expect((endsAt.getTime() - startsAt.getTime()) / HOUR).toBe(hours);
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit" }).format(startsAt)).toBe("00:00");
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit" }).format(endsAt)).toBe("00:00");
  });

  it("counts the days left after today", () => {
    const p = periodContaining("2026-03-04", "week");
    expect(daysLeft(p, "2026-03-04")).toBe(4);
    expect(daysLeft(p, "2026-03-08")).toBe(0);
    expect(datesOf(p)).toHaveLength(7);
  });

  const date = fc.date({ min: new Date("2000-01-01"), max: new Date("2060-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const kind = fc.constantFrom<PeriodKind>("week", "two-week", "month");
  const zone = fc.constantFrom("UTC", "America/Los_Angeles", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns");

  it("places every date in exactly one period, and periods tile the calendar", () => {
    fc.assert(
      fc.property(date, kind, (d, k) => {
        const p = periodContaining(d, k);
        const next = nextPeriod(p);
        return (
          p.start <= d &&
          d < p.end &&
          next.start === p.end &&
          previousPeriod(next).start === p.start &&
          periodContaining(p.start, k).start === p.start &&
          periodContaining(addDays(p.end, -1), k).start === p.start
        );
      }),
    );
  });

  it("starts weeks and two-week periods on Mondays, with 7 and 14 days; months on the 1st, with 28 to 31", () => {
    fc.assert(
      fc.property(date, kind, (d, k) => {
        const p = periodContaining(d, k);
        const days = datesOf(p).length;
        if (k === "month") return p.start.endsWith("-01") && days >= 28 && days <= 31;
        return isoWeekday(p.start) === 1 && days === (k === "week" ? 7 : 14);
      }),
    );
  });

  it("turns periods into instants within an hour of their calendar length, whatever the zone", () => {
    fc.assert(
      fc.property(date, kind, zone, (d, k, z) => {
        const p = periodContaining(d, k);
        const { startsAt, endsAt } = periodInstants(p, z);
        const hours = (endsAt.getTime() - startsAt.getTime()) / HOUR;
        const calendar = datesOf(p).length * 24;
        return (
          Math.abs(hours - calendar) <= 1 && periodAt(startsAt, z, k).start === p.start && periodAt(new Date(endsAt.getTime() - 1), z, k).start === p.start
        );
      }),
    );
  });
});
