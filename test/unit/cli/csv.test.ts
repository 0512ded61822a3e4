// The import files' CSV reader and the header mapping: RFC 4180 quoting, every line ending, and file line numbers.
import { describe, expect, it } from "vitest";
import { rowsFromCsv } from "../../../src/cli/commands/import.js";
import { parseCsv } from "../../../src/cli/csv.js";

const records = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.reason);
  return r.records;
};

describe("parseCsv", () => {
  it("reads plain, quoted and escaped fields with CRLF, LF or CR line ends", () => {
    expect(records('a,b,c\r\n"x, y","say ""hi""",\n1,2,3\r4,5,6')).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x, y", 'say "hi"', ""] },
      { line: 3, fields: ["1", "2", "3"] },
      { line: 4, fields: ["4", "5", "6"] },
    ]);
  });

  it("keeps line breaks inside quotes and numbers records by the line they start on", () => {
    expect(records('h\n"one\r\ntwo\nthree"\nnext\n')).toEqual([
      { line: 1, fields: ["h"] },
      { line: 2, fields: ["one\r\ntwo\nthree"] },
      { line: 5, fields: ["next"] },
    ]);
  });

  it("ignores a byte-order mark; blank lines are records of one empty field; no record after the last line end", () => {
    expect(records("\uFEFFa\n\nb\n")).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: [""] },
      { line: 3, fields: ["b"] },
    ]);
    expect(records("")).toEqual([]);
    expect(records("a,")).toEqual([{ line: 1, fields: ["a", ""] }]);
  });

  it("stops at a quote never closed, naming the line it opened on", () => {
    expect(parseCsv('a\nb,"open\nstill open')).toEqual({ ok: false, line: 2, reason: "a quoted value is never closed (a missing closing quote?)" });
  });

  it("reports text after a closing quote but reads on", () => {
    const r = parseCsv('"a"b,c\nd');
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ["ab", "c"] },
        { line: 2, fields: ["d"] },
      ],
      problems: [{ line: 1, reason: 'text follows a closing quote: a quote inside a quoted value is written twice ("")' }],
    });
  });
});

describe("rowsFromCsv", () => {
  it("maps columns by header name in any order and case; the note column is optional", () => {
    const r = rowsFromCsv(" Type ,DATE,member\nlate,2026-03-02,U1\n,,\nabsent,2026-03-03,U2,\n");
    expect(r).toEqual({
      ok: true,
      rows: [
        { line: 2, member: "U1", date: "2026-03-02", type: "late", note: "" },
        { line: 4, member: "U2", date: "2026-03-03", type: "absent", note: "" },
      ],
      problems: [],
    });
  });

  it("reports rows with more values than columns, and short rows leave the rest empty", () => {
    const r = rowsFromCsv("member,date,type,note\nU1,2026-03-02,late,a,b\nU2,2026-03-02\n");
    expect(r.ok && r.problems).toEqual([{ line: 2, field: "row", reason: "5 values for 4 columns: put values containing commas in double quotes." }]);
    expect(r.ok && r.rows[1]).toEqual({ line: 3, member: "U2", date: "2026-03-02", type: "", note: "" });
  });

  it("refuses a header that does not name the columns", () => {
    const message = (text: string) => {
      const r = rowsFromCsv(text);
      return r.ok ? null : r.message;
    };
    expect(message("")).toBe("the file is empty: the first row must name the columns member, date, type and (optionally) note.");
    expect(message("\n\nmember,date\n")).toBe("line 3: no type column: the first row must name the columns member, date, type and (optionally) note.");
    expect(message("member,date,type,notes\n")).toContain('line 1: unknown column "notes"');
    expect(message("member,date,type,\n")).toContain("line 1: column 4 has no name");
    expect(message("member,date,type,Member\n")).toBe('line 1: the column "member" appears twice.');
  });
});
