// docs/promises.md names the test or benchmark behind each promise: every file it names must exist and every test
// title it quotes must be in that file, so a renamed or deleted test cannot leave the table pointing at nothing.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface Proof {
  row: string;
  file: string;
  titles: string[];
}

interface Row {
  id: string;
  pending: boolean;
  proofs: Proof[];
  problems: string[];
}

/** The rows of every 4-column table (# | promise | proved by | latest result), with the files and titles they cite. */
function readTable(markdown: string): Row[] {
  const rows: Row[] = [];
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) continue;
    const cells = line
      .slice(1, line.endsWith("|") ? -1 : undefined)
      .split("|")
      .map((c) => c.trim());
    const [id = "", , provedBy = "", result = ""] = cells;
    // The header row and the separator row.
    if (id === "#" || /^-+$/.test(id)) continue;
    if (cells.length !== 4) {
      // A stray "|" in a cell would otherwise hide the row from the check.
      rows.push({ id, pending: false, proofs: [], problems: [`${id}: ${cells.length} cells instead of 4`] });
      continue;
    }
    const row: Row = { id, pending: /\bpending\b/i.test(result), proofs: [], problems: [] };
    for (const part of provedBy.split("<br>")) {
      const file = [...part.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "").find((f) => f.endsWith(".ts"));
      const titles = [...part.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
      if (!file) row.problems.push(`${id}: no .ts file in ${part}`);
      else row.proofs.push({ row: id, file, titles });
    }
    if (!result) row.problems.push(`${id}: no latest result`);
    rows.push(row);
  }
  return rows;
}

/** What is wrong with the table: missing files, titles not in their file, rows without a proof or a result. */
function tableProblems(rows: Row[], read: (file: string) => string | null): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    if (row.pending) continue;
    problems.push(...row.problems);
    for (const proof of row.proofs) {
      const text = read(proof.file);
      if (text === null) {
        problems.push(`${proof.row}: ${proof.file} does not exist`);
        continue;
      }
      for (const title of proof.titles) {
        if (!text.includes(title)) problems.push(`${proof.row}: ${proof.file} has no test "${title}"`);
      }
    }
  }
  return problems;
}

const readRepoFile = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : null);

describe("docs/promises.md", () => {
  const rows = readTable(readFileSync("docs/promises.md", "utf8"));

  it("has a row for every platform-wide promise and the issue 7 targets, each with its proof", () => {
    const ids = rows.map((r) => r.id);
    for (const id of ["P1", "P7", "P11", "R1", "F1", "F6", "B1", "B7"]) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of rows) expect(row.proofs.length + row.problems.length, row.id).toBeGreaterThan(0);
  });

  it("names only files that exist and test titles that are in them (pending rows aside)", () => {
    expect(tableProblems(rows, readRepoFile)).toEqual([]);
  });

  it("the check catches a missing file, a missing title, a row without a file and a broken row", () => {
    const table = [
      "| # | promise | proved by | latest result |",
      "|---|---|---|---|",
      '| X1 | a | `test/nowhere.test.ts`: "anything" | passed |',
      '| X2 | b | `test/unit/domain/roles.test.ts`: "no test has this title" | passed |',
      '| X3 | c | "a title with no file" | passed |',
      '| X4 | d | `test/unit/docs/promises.test.ts`: "the check catches a missing file, a missing title, a row without a file and a broken row" | passed |',
      "| X5 | e | `test/later.test.ts` | **pending** |",
      "| X6 | f | a | b | passed |",
    ].join("\n");
    const problems = tableProblems(readTable(table), readRepoFile);
    expect(problems).toEqual([
      "X1: test/nowhere.test.ts does not exist",
      'X2: test/unit/domain/roles.test.ts has no test "no test has this title"',
      'X3: no .ts file in "a title with no file"',
      "X6: 5 cells instead of 4",
    ]);
  });
});

describe("the README", () => {
  it("links the security, operations and promises documents, which exist", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const doc of ["SECURITY.md", "docs/operations.md", "docs/promises.md"]) {
      expect(readme).toContain(`(${doc})`);
      expect(existsSync(doc), doc).toBe(true);
    }
  });
});
