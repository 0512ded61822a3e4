// `wowbot import attendance FILE.csv`: reads the CSV, finds the workspace, and hands the rows to the import use case,
// which checks the whole file and saves all of it or nothing. Problems are printed one per line, with the file line.
import { readFileSync } from "node:fs";
import { type ImportRow, importAttendance } from "../../app/import-attendance.js";
import type { Config } from "../../config/env.js";
import { AttendanceRepository } from "../../db/attendance.repository.js";
import { MemberRepository } from "../../db/member.repository.js";
import { formatHours } from "../../domain/attendance.js";
import { systemClock } from "../../domain/clock.js";
import { type Command, type OptionValues, stringOption } from "../command.js";
import { parseCsv } from "../csv.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";
import { withWorkspace } from "../workspace.js";

const importHelp = `Usage: wowbot import attendance FILE.csv [--workspace ID]

Imports attendance occurrences from a CSV file (UTF-8, comma-separated) whose first row names the columns, in any
order:

  member,date,type,note
  U024BE7LH,2026-03-02,absent,flu
  ada@example.com,2026-03-03,late,"bus, then train"

  member  the person's user id (Slack: U...) or the email wowbot knows them by; they must have used wowbot once
  date    YYYY-MM-DD, the day in the workspace's time zone; not in the future
  type    absent (or absence), late or excused
  note    optional, up to 500 characters; the column may be left out

The whole file is checked first. Every problem is listed with its line and column, and nothing is saved unless
every row is valid. A member has one occurrence a day: a row that repeats one already recorded (same member, date
and type), or an earlier row of the file, is skipped, so importing the same file again changes nothing. Points
follow the workspace settings; an occurrence in a period already closed reverses its credit, as in chat.

Options:
  --workspace ID  the workspace: its wowbot id or the platform's id (Slack team id T...); needed when there are
                  several

With the embedded database (no DATABASE_URL), stop \`wowbot serve\` first: one process at a time opens DATA_DIR.
Exit codes: 0 imported; 1 problems in the file (nothing imported), file unreadable or database unavailable;
2 usage error; 3 invalid configuration.`;

export interface ImportArgs {
  file: string;
  workspace: string | undefined;
}

/** Checks the command line before anything is loaded: what to import, from which file. */
export function importArgs(positionals: string[], values: OptionValues): ImportArgs | { usage: string } {
  const [what, file, extra] = positionals;
  if (!what) return { usage: "say what to import: wowbot import attendance FILE.csv" };
  if (what !== "attendance") return { usage: `cannot import "${what}": only attendance can be imported` };
  if (!file) return { usage: "name the CSV file: wowbot import attendance FILE.csv" };
  if (extra !== undefined) return { usage: `unexpected argument "${extra}"` };
  const workspace = stringOption(values, "workspace");
  if (typeof workspace === "object") return { usage: "--workspace needs a workspace id" };
  return { file, workspace };
}

const COLUMNS = ["member", "date", "type", "note"] as const;
const REQUIRED = ["member", "date", "type"];

type Rows = { ok: true; rows: ImportRow[]; problems: Array<{ line: number; field: string; reason: string }> } | { ok: false; message: string };

/** The file's records as import rows, by header; a header that doesn't name the columns stops everything. */
export function rowsFromCsv(text: string): Rows {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, message: `line ${csv.line}: ${csv.reason}.` };
  const problems = csv.problems.map((p) => ({ line: p.line, field: "row", reason: `${p.reason}.` }));
  const records = csv.records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  const [header, ...data] = records;
  const expected = "the first row must name the columns member, date, type and (optionally) note";
  if (!header) return { ok: false, message: `the file is empty: ${expected}.` };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const index = new Map<string, number>();
  for (const [i, name] of names.entries()) {
    if (!(COLUMNS as readonly string[]).includes(name)) {
      return {
        ok: false,
        message: `line ${header.line}: ${name ? `unknown column "${header.fields[i]?.trim()}"` : `column ${i + 1} has no name`}: ${expected}.`,
      };
    }
    if (index.has(name)) return { ok: false, message: `line ${header.line}: the column "${name}" appears twice.` };
    index.set(name, i);
  }
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length) return { ok: false, message: `line ${header.line}: no ${missing.join(", ")} column: ${expected}.` };
  const cell = (fields: string[], column: string) => {
    const i = index.get(column);
    return i === undefined ? "" : (fields[i] ?? "");
  };
  for (const r of data) {
    if (r.fields.slice(names.length).some((f) => f.trim() !== "")) {
      problems.push({
        line: r.line,
        field: "row",
        reason: `${r.fields.length} values for ${names.length} columns: put values containing commas in double quotes.`,
      });
    }
  }
  const rows = data.map((r) => ({
    line: r.line,
    member: cell(r.fields, "member"),
    date: cell(r.fields, "date"),
    type: cell(r.fields, "type"),
    note: cell(r.fields, "note"),
  }));
  return { ok: true, rows, problems };
}

function readText(file: string): { text: string } | { error: string } {
  try {
    const text = readFileSync(file, "utf8");
    // Spreadsheets on some systems save CSV in a legacy encoding; its accented letters would turn into U+FFFD here.
    if (text.includes("\uFFFD")) return { error: `${file} is not UTF-8 text: save it as "CSV UTF-8" and import it again.` };
    return { text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : (error as Error).message;
    return { error: `cannot read ${file}: ${why}.` };
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function runImport(config: Config, args: ImportArgs, output: Output): Promise<number> {
  const read = readText(args.file);
  if ("error" in read) {
    output.err(`wowbot import: ${read.error}`);
    return EXIT.failure;
  }
  const parsed = rowsFromCsv(read.text);
  if (!parsed.ok) {
    output.err(`wowbot import: ${args.file}, ${parsed.message}`);
    output.err("Nothing was imported.");
    return EXIT.failure;
  }

  return withWorkspace(config, "import", args.workspace, output, async (db, workspace) => {
    const ports = { clock: systemClock, members: new MemberRepository(db.prisma), attendance: new AttendanceRepository(db.prisma) };
    // Malformed lines are reported together with the rows' own problems, so the rows are checked without saving.
    const result = await importAttendance(ports, { workspace, rows: parsed.rows, actor: "cli", dryRun: parsed.problems.length > 0 });
    const problems = [...parsed.problems, ...(result.ok ? [] : result.error.problems)].sort((a, b) => a.line - b.line);
    if (problems.length) {
      for (const p of problems) output.err(`line ${p.line}, ${p.field}: ${p.reason}`);
      output.err("Nothing was imported.");
      return EXIT.failure;
    }
    if (!result.ok) return EXIT.failure; // unreachable: a refusal always lists its problems
    const { created, duplicates, corrections } = result.value;
    output.out(`Imported ${plural(created, "attendance record", "attendance records")}${duplicates ? ` (${duplicates} already recorded, skipped)` : ""}.`);
    for (const { member, correction: c } of corrections) {
      const period = `the period ${c.period.start} to ${c.period.end}`;
      output.out(
        c.kind === "reversal"
          ? `${member.displayName}: ${period} had been credited; ${formatHours(c.hours)} reversed${c.shortfall > 0 ? ` (${formatHours(c.shortfall)} could not be: the balance was too low)` : ""}.`
          : `${member.displayName}: ${period} is now clean; a late credit of ${formatHours(c.hours)} was added.`,
      );
    }
    return EXIT.ok;
  });
}

export const importCommand: Command<ImportArgs> = {
  name: "import",
  summary: "import attendance records from a CSV file (wowbot import attendance FILE.csv)",
  help: importHelp,
  options: { workspace: { type: "string" } },
  parse: importArgs,
  run: runImport,
};
