// The one reader of typed dates: YYYY-MM-DD, today and yesterday, and clear refusals on both sides of the range.
import { describe, expect, it } from "vitest";
import { dateWordsAt, readTypedDate } from "../../../src/domain/calendar-date.js";

describe("readTypedDate", () => {
  it("reads YYYY-MM-DD, and today and yesterday when it knows today", () => {
    expect(readTypedDate("2026-03-02")).toEqual({ ok: true, value: "2026-03-02" });
    expect(readTypedDate("Yesterday", { today: "2026-03-01" })).toEqual({ ok: true, value: "2026-02-28" });
    expect(readTypedDate("today", { today: "2026-03-01" })).toEqual({ ok: true, value: "2026-03-01" });
  });

  it("refuses anything else with the format, naming the date when there are two", () => {
    const message = (text: string, options = {}) => {
      const r = readTypedDate(text, options);
      return r.ok ? r.value : r.error.message;
    };
    expect(message("2026-12-7")).toBe('"2026-12-7" is not a date: use YYYY-MM-DD.');
    expect(message("2026-02-29", { today: "2026-03-01" })).toBe('"2026-02-29" is not a date: use YYYY-MM-DD, today or yesterday.');
    expect(message("yesterday", { what: "the from date" })).toBe('"yesterday" is not a date: use YYYY-MM-DD for the from date.');
    expect(message("2028-02-29")).toBe("2028-02-29");
  });

  it("works with 2000-01-01 to 2099-12-31, refusing one day beyond either end", () => {
    expect(readTypedDate("2000-01-01").ok).toBe(true);
    expect(readTypedDate("2099-12-31").ok).toBe(true);
    expect(readTypedDate("1999-12-31")).toMatchObject({ ok: false, error: { code: "DATE.OUT_OF_RANGE" } });
    expect(readTypedDate("2100-01-01")).toMatchObject({ ok: false, error: { code: "DATE.OUT_OF_RANGE" } });
  });
});

describe("dateWordsAt", () => {
  it("counts the words a date takes at the start", () => {
    expect(dateWordsAt(["20261207"])).toBe(1);
    expect(dateWordsAt(["7.12.2026", "x"])).toBe(1);
    expect(dateWordsAt(["December", "7,"])).toBe(2);
    expect(dateWordsAt(["march", "madness"])).toBe(0);
    expect(dateWordsAt(["2026"])).toBe(0);
    expect(dateWordsAt([])).toBe(0);
  });
});
