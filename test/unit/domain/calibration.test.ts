// Blind calibration's rules: the deadline (3 workdays later, same local time) and the comparison (spread, agreement).
import { describe, expect, it } from "vitest";
import { addWorkdays, calibrationDeadline, compareCalibration } from "../../../src/domain/calibration.js";
import type { ScoreAnswers } from "../../../src/domain/scorecard.js";

const MON_FRI = [1, 2, 3, 4, 5];

describe("calibrationDeadline", () => {
  it.each([
    ["Friday 10:00 -> Wednesday 10:00 (the weekend does not count)", "2026-03-06T10:00:00Z", "UTC", MON_FRI, "2026-03-11T10:00:00.000Z"],
    ["Monday 10:00 -> Thursday 10:00", "2026-03-02T10:00:00Z", "UTC", MON_FRI, "2026-03-05T10:00:00.000Z"],
    ["Wednesday 16:30 -> Monday 16:30", "2026-03-04T16:30:00Z", "UTC", MON_FRI, "2026-03-09T16:30:00.000Z"],
    ["Saturday 10:00 -> Wednesday 10:00 (a start on a day off)", "2026-03-07T10:00:00Z", "UTC", MON_FRI, "2026-03-11T10:00:00.000Z"],
    ["Sunday-Thursday workdays: Thursday -> Tuesday", "2026-03-05T10:00:00Z", "UTC", [7, 1, 2, 3, 4], "2026-03-10T10:00:00.000Z"],
    // Berlin: Friday 10:00 local is 09:00 UTC (UTC+1); Wednesday 10:00 local is still UTC+1.
    ["by local time in Berlin", "2026-03-06T09:00:00Z", "Europe/Berlin", MON_FRI, "2026-03-11T09:00:00.000Z"],
    // Los Angeles switches to daylight time on Sunday 8 March 2026: 10:00 local stays 10:00 local (17:00Z after).
    ["across a DST change, the same local time", "2026-03-06T18:00:00Z", "America/Los_Angeles", MON_FRI, "2026-03-11T17:00:00.000Z"],
    // Tokyo: Friday 23:30 UTC is already Saturday 08:30 local, so it counts from Saturday.
    ["the local day, not UTC's", "2026-03-06T23:30:00Z", "Asia/Tokyo", MON_FRI, "2026-03-10T23:30:00.000Z"],
  ])("%s", (_what, start, tz, workdays, expected) => {
    expect(calibrationDeadline(new Date(start), tz, workdays).toISOString()).toBe(expected);
  });

  it("is not the calendar: Friday + 3 workdays is not Monday", () => {
    expect(addWorkdays(new Date("2026-03-06T10:00:00Z"), 3, "UTC", MON_FRI).toISOString()).not.toBe("2026-03-09T10:00:00.000Z");
  });

  it("counts every day when no workday is set", () => {
    expect(addWorkdays(new Date("2026-03-06T10:00:00Z"), 3, "UTC", []).toISOString()).toBe("2026-03-09T10:00:00.000Z");
  });
});

describe("compareCalibration", () => {
  const a = (connection: 0 | 1 | 2, rapport: string, unstatedNeeds: string, wow: string) => ({ connection, rapport, unstatedNeeds, wow }) as ScoreAnswers;

  it("gives the spread (max - min) and, per question, how many gave the most common answer", () => {
    const c = compareCalibration([
      { person: "lena", answers: a(2, "yes", "partly", "yes"), score: 88 },
      { person: "boss", answers: a(1, "yes", "no", "yes"), score: 63 },
      { person: "max", answers: a(2, "partly", "no", "na"), score: 50 },
      { person: "zoe", answers: null, score: null },
    ]);
    expect(c.spread).toEqual({ max: 88, min: 50, points: 38 });
    expect(c.missing).toEqual(["zoe"]);
    expect(c.scored.map((s) => s.person)).toEqual(["lena", "boss", "max"]);
    expect(c.agreement).toEqual([
      { question: "Personal emotional connection attempts", answer: "2 or more", count: 2, of: 3 },
      { question: "Kept the rapport going after the customer responded", answer: "yes", count: 2, of: 3 },
      { question: "Addressed unstated needs", answer: "no", count: 2, of: 3 },
      { question: "Delivered a wow experience", answer: "yes", count: 2, of: 3 },
    ]);
  });

  it("breaks a tie by the form's order of answers, and agrees fully when everyone answered alike", () => {
    const c = compareCalibration([
      { person: "lena", answers: a(0, "no", "na", "yes"), score: 33 },
      { person: "boss", answers: a(0, "yes", "na", "yes"), score: 67 },
    ]);
    expect(c.agreement[0]).toMatchObject({ answer: "0", count: 2, of: 2 });
    expect(c.agreement[1]).toMatchObject({ answer: "yes", count: 1, of: 2 });
    expect(c.agreement[2]).toMatchObject({ answer: "n.a.", count: 2, of: 2 });
    expect(c.spread?.points).toBe(34);
  });

  it("has no spread and no agreement when nobody scored", () => {
    const c = compareCalibration([{ person: "lena", answers: null, score: null }]);
    expect(c).toEqual({ scored: [], missing: ["lena"], spread: null, agreement: [] });
  });
});
