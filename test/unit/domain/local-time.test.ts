// Local days in a workspace time zone, including the days daylight-saving time makes 23 or 25 hours long.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, humanDuration, localDate, localDayBounds, zonedInstant } from "../../../src/domain/local-time.js";

describe("local time", () => {
  it("finds the local date of an instant", () => {
    expect(localDate(new Date("2026-03-02T23:30:00Z"), "Europe/Berlin")).toBe("2026-03-03");
    expect(localDate(new Date("2026-03-02T23:30:00Z"), "America/Los_Angeles")).toBe("2026-03-02");
  });

  it("maps local wall-clock times to instants across DST changes", () => {
    expect(zonedInstant("2026-03-29", "00:00", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(zonedInstant("2026-03-30", "00:00", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(zonedInstant("2026-11-01", "09:00", "America/Los_Angeles").toISOString()).toBe("2026-11-01T17:00:00.000Z");
    expect(zonedInstant("2026-03-08", "09:00", "America/Los_Angeles").toISOString()).toBe("2026-03-08T16:00:00.000Z");
  });

  // Where daylight saving starts at local midnight, the day starts at 01:00, its first instant (issue 17: it started
  // at 23:00 the day before, so a nomination at 23:30 on Saturday counted on Sunday).
  it.each([
    ["America/Santiago", "2026-09-06", "2026-09-06T04:00:00.000Z"],
    ["America/Havana", "2026-03-08", "2026-03-08T05:00:00.000Z"],
    ["America/Asuncion", "2024-10-06", "2024-10-06T04:00:00.000Z"],
  ])("in %s, %s starts at its first instant, %s", (zone, date, start) => {
    expect(zonedInstant(date, "00:00", zone).toISOString()).toBe(start);
    const before = new Date(new Date(start).getTime() - 1000);
    expect(localDate(before, zone)).toBe(addDays(date, -1));
    // 23:30 on the evening before belongs to the evening before.
    const lateEvening = new Date(new Date(start).getTime() - 30 * 60_000);
    expect(localDayBounds(lateEvening, zone).start.toISOString() < start).toBe(true);
    expect(localDayBounds(lateEvening, zone).end.toISOString()).toBe(start);
    expect(localDayBounds(new Date(start), zone).start.toISOString()).toBe(start);
  });

  it("maps a wall time skipped by a jump to the jump", () => {
    expect(zonedInstant("2026-03-29", "02:30", "Europe/Berlin").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(zonedInstant("2026-03-29", "03:00", "Europe/Berlin").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(zonedInstant("2026-03-29", "01:59", "Europe/Berlin").toISOString()).toBe("2026-03-29T00:59:00.000Z");
  });

  it("gives 23- and 25-hour days when the clocks change", () => {
    const spring = localDayBounds(new Date("2026-03-29T12:00:00Z"), "Europe/Berlin");
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    const autumn = localDayBounds(new Date("2026-11-01T12:00:00Z"), "America/Los_Angeles");
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });

  it("always places an instant inside its own local day", () => {
    const zones = fc.constantFrom(
      "UTC",
      "Europe/Berlin",
      "America/Los_Angeles",
      "Asia/Kolkata",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
      "America/Santiago",
      "America/Havana",
      "America/Asuncion",
    );
    fc.assert(
      fc.property(fc.date({ min: new Date("2020-01-01"), max: new Date("2035-01-01"), noInvalidDate: true }), zones, (instant, zone) => {
        const { start, end } = localDayBounds(instant, zone);
        return (
          start <= instant &&
          instant < end &&
          localDate(start, zone) === localDate(instant, zone) &&
          localDate(new Date(start.getTime() - 1000), zone) === addDays(localDate(instant, zone), -1) &&
          localDate(end, zone) === addDays(localDate(instant, zone), 1)
        );
      }),
    );
  });

  it("says durations the way people do", () => {
    expect(humanDuration(3 * 3_600_000 + 12 * 60_000)).toBe("3 h 12 min");
    expect(humanDuration(45 * 60_000)).toBe("45 min");
    expect(humanDuration(2 * 3_600_000)).toBe("2 h");
    expect(humanDuration(0)).toBe("under a minute");
  });
});
