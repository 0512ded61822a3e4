// PTO arithmetic and paid-day request rules.
import { describe, expect, it } from "vitest";
import { canRequestPaidDay, checkPaidDayRequest, ptoBalance } from "../../../src/domain/pto.js";
import { defaultSettings } from "../../../src/domain/settings.js";

describe("ptoBalance", () => {
  it("counts whole paid days and the hours to the next one", () => {
    expect(ptoBalance(11, 0, 8)).toEqual({ balance: 11, reserved: 0, available: 11, wholeDays: 1, toNextDay: 5 });
    expect(ptoBalance(16, 8, 8)).toEqual({ balance: 16, reserved: 8, available: 8, wholeDays: 2, toNextDay: 8 });
    expect(ptoBalance(0, 0, 7.5)).toMatchObject({ wholeDays: 0, toNextDay: 7.5 });
    expect(ptoBalance(22.5, 0, 7.5)).toMatchObject({ wholeDays: 3, toNextDay: 7.5 });
  });

  // Each boundary from both sides: a hundredth under a paid day is not one (issue 17: 7.98 h showed "1 paid day").
  it.each([
    [7.98, 8, 0, 0.02],
    [7.99, 8, 0, 0.01],
    [8, 8, 1, 8],
    [8.01, 8, 1, 7.99],
    [15.97, 8, 1, 0.03],
    [15.99, 8, 1, 0.01],
    [16, 8, 2, 8],
    [22.49, 7.5, 2, 0.01],
    [22.5, 7.5, 3, 7.5],
    [22.51, 7.5, 3, 7.49],
    [0.01, 0.25, 0, 0.24],
    [24.6, 8.2, 3, 8.2],
  ])("%s h at %s h per paid day is %s whole days and %s h to the next", (balance, perDay, wholeDays, toNextDay) => {
    expect(ptoBalance(balance, 0, perDay)).toMatchObject({ wholeDays, toNextDay });
  });

  it("offers a request exactly when a whole day is available: 7.99 h no, 8 h yes", () => {
    expect(canRequestPaidDay(ptoBalance(7.99, 0, 8), 8)).toBe(false);
    expect(canRequestPaidDay(ptoBalance(8, 0, 8), 8)).toBe(true);
    expect(canRequestPaidDay(ptoBalance(15.99, 8, 8), 8)).toBe(false);
    expect(canRequestPaidDay(ptoBalance(16, 8, 8), 8)).toBe(true);
  });
});

describe("checkPaidDayRequest", () => {
  const base = { date: "2026-03-17", note: null, today: "2026-03-12", balance: ptoBalance(9, 0, 8), settings: defaultSettings, alreadyRequested: false };

  it("accepts a workday from today on when the unreserved balance covers a paid day", () => {
    expect(checkPaidDayRequest(base)).toBeNull();
    expect(checkPaidDayRequest({ ...base, date: "2026-03-12" })).toBeNull();
  });

  it.each([
    ["too few hours", { balance: ptoBalance(7, 0, 8) }, "A paid day takes 8 h; you have 7 h available."],
    ["hours held by pending requests", { balance: ptoBalance(12, 8, 8) }, "you have 4 h available (8 h are held by pending requests)"],
    ["a past day", { date: "2026-03-11" }, "2026-03-11 has passed"],
    ["a weekend day", { date: "2026-03-14" }, "2026-03-14 is not a workday"],
    ["more than a year ahead", { date: "2027-03-15" }, "up to a year ahead"],
    ["a day already requested", { alreadyRequested: true }, "You already have a request for 2026-03-17."],
    ["not a date", { date: "next friday" }, '"next friday" is not a date'],
  ])("refuses %s", (_what, over, message) => {
    expect(checkPaidDayRequest({ ...base, ...over })?.message).toContain(message);
  });
});
