// Attendance rules: what may be recorded on a day, how a period is evaluated into a streak and a reward (tiers,
// cap), and how far a reversal may go.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkOccurrence, evaluatePeriod, formatHours, occurrenceTypeOf, reversal, tierHours } from "../../../src/domain/attendance.js";
import { defaultSettings } from "../../../src/domain/settings.js";

const draft = (over: Partial<Parameters<typeof checkOccurrence>[0]> = {}) => ({
  memberName: "Ada",
  date: "2026-03-10",
  type: "absence" as const,
  note: null,
  ...over,
});
const TODAY = "2026-03-12";

describe("checkOccurrence", () => {
  it("accepts a first occurrence on a past or today's date", () => {
    expect(checkOccurrence(draft(), TODAY, []).status).toBe("new");
    expect(checkOccurrence(draft({ date: TODAY }), TODAY, []).status).toBe("new");
  });

  it.each([
    ["a future date", draft({ date: "2026-03-13" }), [], "ATTENDANCE.FUTURE", "2026-03-13 is in the future (today is 2026-03-12)"],
    ["an impossible date", draft({ date: "2026-02-30" }), [], "ATTENDANCE.BAD_DATE", '"2026-02-30" is not a date'],
    ["a late arrival on an absence day", draft({ type: "late" }), [{ type: "absence" as const }], "ATTENDANCE.CONFLICT", "so a late arrival can't be recorded"],
    ["a late arrival on an excused day", draft({ type: "late" }), [{ type: "excused" as const }], "ATTENDANCE.CONFLICT", "so a late arrival can't be recorded"],
    ["an absence on a late day", draft(), [{ type: "late" as const }], "ATTENDANCE.CONFLICT", "already has a late arrival on 2026-03-10"],
    ["a second kind of absence", draft({ type: "excused" }), [{ type: "absence" as const }], "ATTENDANCE.CONFLICT", "already has an absence"],
    ["a note over 500 characters", draft({ note: "n".repeat(501) }), [], "ATTENDANCE.NOTE_TOO_LONG", "501 characters; the limit is 500"],
  ])("refuses %s with its own message", (_what, d, sameDay, code, message) => {
    const result = checkOccurrence(d, TODAY, sameDay);
    expect(result.status).toBe("refused");
    if (result.status === "refused") {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain(message);
    }
  });

  it("treats the same member, day and type again as a no-op that says so", () => {
    const result = checkOccurrence(draft(), TODAY, [{ type: "absence" }]);
    expect(result).toEqual({ status: "duplicate", message: "Ada already has an absence on 2026-03-10. Nothing changed." });
  });

  it("reads the words people type", () => {
    expect(["absent", "Absence", "LATE", "excused"].map(occurrenceTypeOf)).toEqual(["absence", "absence", "late", "excused"]);
    expect(occurrenceTypeOf("sick")).toBeNull();
    expect(["__proto__", "constructor", "toString"].map(occurrenceTypeOf)).toEqual([null, null, null]);
  });
});

describe("evaluatePeriod", () => {
  const settings = { rewardTiers: [2, 3, 4], accrualCapHours: null };

  it("credits the tier of the streak a clean period extends; the last tier repeats", () => {
    expect([0, 1, 2, 3, 9].map((previousStreak) => evaluatePeriod({ points: 0, previousStreak, balance: 0, settings }))).toEqual([
      { clean: true, streak: 1, hours: 2, capNote: null },
      { clean: true, streak: 2, hours: 3, capNote: null },
      { clean: true, streak: 3, hours: 4, capNote: null },
      { clean: true, streak: 4, hours: 4, capNote: null },
      { clean: true, streak: 10, hours: 4, capNote: null },
    ]);
  });

  it("resets the streak on any points, crediting nothing", () => {
    expect(evaluatePeriod({ points: 0.5, previousStreak: 7, balance: 10, settings })).toEqual({ clean: false, streak: 0, hours: 0, capNote: null });
  });

  it("stops credits at the accrual cap, and says so", () => {
    const capped = { ...settings, accrualCapHours: 10 };
    expect(evaluatePeriod({ points: 0, previousStreak: 2, balance: 8, settings: capped })).toEqual({
      clean: true,
      streak: 3,
      hours: 2,
      capNote: "accrual cap of 10 h: 4 h earned, 2 h credited",
    });
    expect(evaluatePeriod({ points: 0, previousStreak: 2, balance: 10, settings: capped }).hours).toBe(0);
    expect(evaluatePeriod({ points: 0, previousStreak: 0, balance: 7.5, settings: capped }).capNote).toBeNull();
  });

  it("never credits more than the tier nor above the cap (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 1, max: 4000 }).map((c) => c / 100),
          { minLength: 1, maxLength: 6 },
        ),
        fc.option(fc.integer({ min: 1, max: 10000 }).map((c) => c / 100)),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 20000 }).map((c) => c / 100),
        (tiers, cap, previousStreak, balance) => {
          const e = evaluatePeriod({ points: 0, previousStreak, balance, settings: { rewardTiers: tiers, accrualCapHours: cap } });
          expect(e.hours).toBeGreaterThanOrEqual(0);
          expect(e.hours).toBeLessThanOrEqual(tierHours(tiers, previousStreak + 1));
          if (cap !== null && e.hours > 0) expect(balance + e.hours).toBeLessThanOrEqual(cap + 1e-9);
          expect(Math.round(e.hours * 100) / 100).toBe(e.hours);
        },
      ),
    );
  });

  it("uses PRODUCT.md's default tiers: 2 h, 3 h, then 4 h", () => {
    expect([1, 2, 3, 4].map((s) => tierHours(defaultSettings.rewardTiers, s))).toEqual([2, 3, 4, 4]);
  });
});

describe("reversal", () => {
  it("takes back the credit, never below a zero balance, noting the shortfall", () => {
    expect(reversal(3, 10)).toEqual({ hours: 3, shortfall: 0 });
    expect(reversal(3, 2)).toEqual({ hours: 2, shortfall: 1 });
    expect(reversal(3, 0)).toEqual({ hours: 0, shortfall: 3 });
  });

  it("formats hours with at most two decimals", () => {
    expect([2, 2.5, 0.25, 1 / 3].map(formatHours)).toEqual(["2 h", "2.5 h", "0.25 h", "0.33 h"]);
  });
});
