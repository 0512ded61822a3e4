// The pure parts of exports: what people type (kind, dates, range) and how instants and ranges meet the time zone.
import { describe, expect, it } from "vitest";
import { exportFileName, exportRequest, exportWindow, isoInZone } from "../../../src/app/exports.js";

describe("export requests", () => {
  it("accepts a kind in any case with optional dates, and refuses the rest with a code and a field", () => {
    expect(exportRequest("Scores", "2026-03-01", undefined)).toEqual({ ok: true, value: { kind: "scores", from: "2026-03-01", to: null } });
    const codes = [
      exportRequest(undefined, undefined, undefined),
      exportRequest("payroll", undefined, undefined),
      exportRequest("ledger", "2026-02-29", undefined),
      exportRequest("ledger", undefined, "2026-3-1"),
      exportRequest("ledger", "2026-03-02", "2026-03-01"),
    ].map((r) => (r.ok ? null : [r.error.code, r.error.field]));
    expect(codes).toEqual([
      ["EXPORT.NO_KIND", "kind"],
      ["EXPORT.BAD_KIND", "kind"],
      ["EXPORT.BAD_DATE", "from"],
      ["EXPORT.BAD_DATE", "to"],
      ["EXPORT.BAD_RANGE", "to"],
    ]);
    expect(exportRequest("ledger", "2026-03-01", "2026-03-01").ok).toBe(true);
  });

  it("writes instants with the zone's offset, west, east, half-hour and across a DST change", () => {
    expect(isoInZone(new Date("2026-03-08T06:59:59.999Z"), "America/New_York")).toBe("2026-03-08T01:59:59-05:00");
    expect(isoInZone(new Date("2026-03-08T07:00:00Z"), "America/New_York")).toBe("2026-03-08T03:00:00-04:00");
    expect(isoInZone(new Date("2026-01-01T00:00:00Z"), "Asia/Kolkata")).toBe("2026-01-01T05:30:00+05:30");
    expect(isoInZone(new Date("2026-07-01T12:00:00Z"), "UTC")).toBe("2026-07-01T12:00:00+00:00");
  });

  it("turns local dates into the instants of the zone's midnights, the end date included", () => {
    const request = { kind: "scores" as const, from: "2026-03-08", to: "2026-03-08" };
    // 8 March 2026 in New York is 23 hours long: the clocks spring forward.
    expect(exportWindow(request, "America/New_York")).toEqual({
      fromDate: "2026-03-08",
      toDate: "2026-03-08",
      fromInstant: new Date("2026-03-08T05:00:00Z"),
      untilInstant: new Date("2026-03-09T04:00:00Z"),
    });
    expect(exportWindow({ ...request, from: null, to: null }, "UTC")).toEqual({ fromDate: null, toDate: null, fromInstant: null, untilInstant: null });
  });

  it("names the file after the kind and range", () => {
    expect(exportFileName({ kind: "ledger", from: null, to: null })).toBe("wowbot-ledger-all.csv");
    expect(exportFileName({ kind: "ledger", from: "2026-01-01", to: null })).toBe("wowbot-ledger-2026-01-01-to-now.csv");
    expect(exportFileName({ kind: "ledger", from: null, to: "2026-01-31" })).toBe("wowbot-ledger-start-to-2026-01-31.csv");
  });
});
