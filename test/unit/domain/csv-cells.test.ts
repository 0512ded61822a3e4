// CSV writing for exports: RFC 4180 quoting and formula-injection protection of free text.
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/cli/csv.js";
import { csvField, csvRecord, protectText } from "../../../src/domain/csv-cells.js";

describe("CSV cells", () => {
  it("quotes only fields with a comma, a quote or a line break, doubling quotes", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvRecord(["a", "", "b,c"])).toBe('a,,"b,c"\r\n');
  });

  it("puts an apostrophe before text a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(protectText(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    for (const safe of ["SUM(A1)", " =not first", "'quoted", "a=b", ""]) expect(protectText(safe)).toBe(safe);
  });

  it("round-trips through wowbot's own CSV reader", () => {
    const fields = ['He said "no", then', "left\r\nearly", "=1+1", "", "ünïcode"];
    const parsed = parseCsv(csvRecord(fields.map(protectText)));
    expect(parsed.ok && parsed.records[0]?.fields).toEqual(['He said "no", then', "left\r\nearly", "'=1+1", "", "ünïcode"]);
  });
});
