// `wowbot import attendance|service-level|chat-sessions|roster|feedback FILE.csv`: reads the CSV, finds the workspace, and hands the rows
// to the same use case the ingest API uses, which checks the whole file and saves all of it or nothing. Problems are
// printed one per line, with the file line.
import { readFileSync } from "node:fs";
import { type ImportRow, importAttendance } from "../../app/import-attendance.js";
import { importRoster, ROSTER_FIELDS } from "../../app/import-roster.js";
import { ingestChatSessions } from "../../app/ingest-chat-sessions.js";
import { ingestFeedback } from "../../app/ingest-feedback.js";
import { CHAT_SESSION_FIELDS, FEEDBACK_FIELDS, type IngestCounts, type IngestRefusal, SERVICE_LEVEL_FIELDS } from "../../app/ingest-rows.js";
import { ingestServiceLevel } from "../../app/ingest-service-level.js";
import type { Config } from "../../config/env.js";
import type { Repositories } from "../../db/repositories.js";
import { formatHours } from "../../domain/attendance.js";
import { systemClock } from "../../domain/clock.js";
import type { WorkspaceRecord } from "../../domain/records.js";
import type { Result } from "../../domain/result.js";
import { type Command, type OptionValues, stringOption } from "../command.js";
import { parseCsv } from "../csv.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";
import { withWorkspace } from "../workspace.js";

const importHelp = `Usage: wowbot import attendance|service-level|chat-sessions|roster|feedback FILE.csv [--workspace ID]

Imports rows from a CSV file (UTF-8, comma-separated) whose first row names the columns, in any order and any case.
The columns are the ingest API's fields (see GET /api/v1/openapi.json), and the rules are the same:

  wowbot import attendance FILE.csv
  member,date,type,note
  U024BE7LH,2026-03-02,absent,flu
  ada@example.com,2026-03-03,late,"bus, then train"

    member  the person's user id (Slack: U...) or their email: anyone in the workspace's directory
    date    YYYY-MM-DD, the day in the workspace's time zone; not in the future
    type    absent (or absence), late or excused
    note    optional, up to 500 characters; the column may be left out

  wowbot import service-level FILE.csv
  member,date,customerFacingSeconds,availableSeconds
  U024BE7LH,2026-03-02,21600,27000

    customerFacingSeconds, availableSeconds  whole seconds; customer-facing <= available <= 86400

  wowbot import chat-sessions FILE.csv
  member,sessionId,startedAt,customerLeftAt,agentClosedAt
  U024BE7LH,c-1001,2026-03-02T09:00:00Z,2026-03-02T09:20:00Z,2026-03-02T09:24:00Z

    sessionId                      the contact-centre platform's id, unique in the workspace
    startedAt                      ISO 8601 with an offset (Z or +01:00)
    customerLeftAt, agentClosedAt  the same, optional (empty or left out), not before startedAt

  wowbot import roster FILE.csv
  member,team,role,since,openingBalance
  U024BE7LH,Billing,agent,2026-01-05,16
  lena@example.com,Billing,lead,,

    team            the team's name (any case); a team the workspace doesn't have yet is created
    role            agent (the default) or lead; an agent is in one team at a time, a lead may lead several
    since           optional YYYY-MM-DD, the day the membership starts (backdates enrolment); today when empty
    openingBalance  optional hours of PTO the person already has, credited once per person

  wowbot import feedback FILE.csv
  member,feedbackId,receivedAt,csat,nps,comment,interactionRef,channel
  U024BE7LH,fb-9001,2026-03-02T11:00:00Z,5,10,"She sorted my refund in two minutes, brilliant",T-1001,email

    feedbackId      the feedback tool's id, unique in the workspace (a resend updates it)
    receivedAt      ISO 8601 with an offset; not in the future
    csat, nps       csat 1-5 and/or nps 0-10 (at least one)
    comment         optional, up to 4000 characters; personal data: never put the customer's name in it
    interactionRef  optional ticket, call or chat id, as leads type it in quick scores
    channel         optional: phone, email, chat, ...
    Feedback from the last 14 days with CSAT 5 or NPS 9-10 and a comment of 20+ characters becomes a wow
    candidate before the agent's team leads, once per feedbackId.

The whole file is checked first. Every problem is listed with its line and column, and nothing is saved unless
every row is valid. Importing the same file again changes nothing: attendance already recorded (same member, date
and type) is skipped; a service-level day (member + date) or chat session (sessionId) already stored takes the
file's values, so a corrected file replaces the old figures. Attendance points follow the workspace settings; an occurrence in a period already closed
reverses its credit, as in chat.

Options:
  --workspace ID  the workspace: its wowbot id or the platform's id (Slack team id T...); needed when there are
                  several

With the embedded database (no DATABASE_URL), stop \`wowbot serve\` first: one process at a time opens DATA_DIR.
Exit codes: 0 imported; 1 problems in the file (nothing imported), file unreadable or database unavailable;
2 usage error; 3 invalid configuration.`;

const KINDS = ["attendance", "service-level", "chat-sessions", "roster", "feedback"] as const;
type Kind = (typeof KINDS)[number];

export interface ImportArgs {
  what: Kind;
  file: string;
  workspace: string | undefined;
}

/** Checks the command line before anything is loaded: what to import, from which file. */
export function importArgs(positionals: string[], values: OptionValues): ImportArgs | { usage: string } {
  const [what, file, extra] = positionals;
  if (!what) return { usage: "say what to import: wowbot import attendance|service-level|chat-sessions|roster|feedback FILE.csv" };
  if (!(KINDS as readonly string[]).includes(what))
    return { usage: `cannot import "${what}": use attendance, service-level, chat-sessions, roster or feedback` };
  if (!file) return { usage: `name the CSV file: wowbot import ${what} FILE.csv` };
  if (extra !== undefined) return { usage: `unexpected argument "${extra}"` };
  const workspace = stringOption(values, "workspace");
  if (typeof workspace === "object") return { usage: "--workspace needs a workspace id" };
  return { what: what as Kind, file, workspace };
}

/** The columns a kind of file has: names as the API spells them (headers match in any case), which are required. */
interface ColumnSpec {
  columns: readonly string[];
  required: readonly string[];
  /** The end of "the first row must name the columns ...". */
  expected: string;
}

const ATTENDANCE_COLUMNS: ColumnSpec = {
  columns: ["member", "date", "type", "note"],
  required: ["member", "date", "type"],
  expected: "member, date, type and (optionally) note",
};
const SPECS: Record<Kind, ColumnSpec> = {
  attendance: ATTENDANCE_COLUMNS,
  "service-level": { columns: SERVICE_LEVEL_FIELDS, required: SERVICE_LEVEL_FIELDS, expected: SERVICE_LEVEL_FIELDS.join(", ") },
  "chat-sessions": {
    columns: CHAT_SESSION_FIELDS,
    required: ["member", "sessionId", "startedAt"],
    expected: "member, sessionId, startedAt and (optionally) customerLeftAt, agentClosedAt",
  },
  roster: { columns: ROSTER_FIELDS, required: ["member", "team"], expected: "member, team and (optionally) role, since, openingBalance" },
  feedback: {
    columns: FEEDBACK_FIELDS,
    required: ["member", "feedbackId", "receivedAt"],
    expected: "member, feedbackId, receivedAt and (optionally) csat, nps, comment, interactionRef, channel",
  },
};

type LineProblem = { line: number; field: string; reason: string };
type Records = { ok: true; records: Array<{ line: number; cells: Record<string, string> }>; problems: LineProblem[] } | { ok: false; message: string };
type Rows = { ok: true; rows: ImportRow[]; problems: LineProblem[] } | { ok: false; message: string };

/** The separator a one-column header seems to use instead of commas ("member;date;type"), if it names our columns. */
function otherSeparator(header: string): string | null {
  for (const [char, name] of [
    [";", '";"'],
    ["\t", "tabs"],
    ["|", '"|"'],
  ] as const) {
    if (header.split(char).length > 1) return name;
  }
  return null;
}

/** The file's records as cells by column name; a header that doesn't name the columns stops everything. */
export function recordsFromCsv(text: string, spec: ColumnSpec): Records {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, message: `line ${csv.line}: ${csv.reason}.` };
  const problems = csv.problems.map((p) => ({ line: p.line, field: "row", reason: `${p.reason}.` }));
  const records = csv.records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  const [header, ...data] = records;
  const expected = `the first row must name the columns ${spec.expected}`;
  if (!header) return { ok: false, message: `the file is empty: ${expected}.` };
  const byLowerCase = new Map(spec.columns.map((c) => [c.toLowerCase(), c]));
  const names: string[] = [];
  const index = new Map<string, number>();
  for (const [i, raw] of header.fields.entries()) {
    const name = byLowerCase.get(raw.trim().toLowerCase());
    if (!name) {
      const separator = header.fields.length === 1 ? otherSeparator(raw) : null;
      if (separator) {
        return {
          ok: false,
          message: `line ${header.line}: unknown column "${raw.trim()}": the values seem to be separated by ${separator} rather than commas (Excel saves CSV that way in some languages): save the file as "CSV UTF-8 (Comma delimited)", or replace the separators with commas.`,
        };
      }
      return { ok: false, message: `line ${header.line}: ${raw.trim() ? `unknown column "${raw.trim()}"` : `column ${i + 1} has no name`}: ${expected}.` };
    }
    if (index.has(name)) return { ok: false, message: `line ${header.line}: the column "${name}" appears twice.` };
    index.set(name, i);
    names.push(name);
  }
  const missing = spec.required.filter((c) => !index.has(c));
  if (missing.length) return { ok: false, message: `line ${header.line}: no ${missing.join(", ")} column: ${expected}.` };
  for (const r of data) {
    if (r.fields.slice(names.length).some((f) => f.trim() !== "")) {
      problems.push({
        line: r.line,
        field: "row",
        reason: `${r.fields.length} values for ${names.length} columns: put values containing commas in double quotes.`,
      });
    }
  }
  const cells = (fields: string[]) => Object.fromEntries(spec.columns.map((c) => [c, fields[index.get(c) ?? -1] ?? ""]));
  return { ok: true, records: data.map((r) => ({ line: r.line, cells: cells(r.fields) })), problems };
}

/** Attendance import rows from parsed records. */
const attendanceRows = (records: Extract<Records, { ok: true }>["records"]): ImportRow[] =>
  records.map(({ line, cells }) => ({ line, member: cells.member ?? "", date: cells.date ?? "", type: cells.type ?? "", note: cells.note ?? "" }));

/** The file's records as attendance import rows. */
export function rowsFromCsv(text: string): Rows {
  const parsed = recordsFromCsv(text, ATTENDANCE_COLUMNS);
  if (!parsed.ok) return parsed;
  return { ok: true, rows: attendanceRows(parsed.records), problems: parsed.problems };
}

const NUMERIC = new Set(["customerFacingSeconds", "availableSeconds", "csat", "nps"]);

/**
 * Cells as the API's JSON fields: an empty cell is a field left out, a whole number in a seconds column is a number.
 * Anything else stays text, so the row schema reports it the way the API would ("must be whole seconds (got "1.5")").
 */
export function apiRow(cells: Record<string, string>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(cells)) {
    const value = raw.trim();
    if (value === "") continue;
    row[name] = NUMERIC.has(name) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  return row;
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
  const parsed = recordsFromCsv(read.text, SPECS[args.what]);
  if (!parsed.ok) {
    output.err(`wowbot import: ${args.file}, ${parsed.message}`);
    output.err("Nothing was imported.");
    return EXIT.failure;
  }
  return withWorkspace(config, "import", args.workspace, output, (repos, workspace) =>
    args.what === "attendance"
      ? importAttendanceFile(repos, workspace, parsed, output)
      : args.what === "roster"
        ? importRosterFile(repos, workspace, parsed, output)
        : importContactData(repos, workspace, args.what, parsed, output),
  );
}

function printProblems(problems: LineProblem[], output: Output): number {
  for (const p of [...problems].sort((a, b) => a.line - b.line)) output.err(`line ${p.line}, ${p.field}: ${p.reason}`);
  output.err("Nothing was imported.");
  return EXIT.failure;
}

async function importAttendanceFile(repos: Repositories, workspace: WorkspaceRecord, parsed: Extract<Records, { ok: true }>, output: Output): Promise<number> {
  const rows = attendanceRows(parsed.records);
  const ports = { clock: systemClock, members: repos.members, attendance: repos.attendance };
  // Malformed lines are reported together with the rows' own problems, so the rows are checked without saving.
  const result = await importAttendance(ports, { workspace, rows, actor: "cli", dryRun: parsed.problems.length > 0 });
  const problems = [...parsed.problems, ...(result.ok ? [] : result.error.problems)];
  if (problems.length || !result.ok) return printProblems(problems, output);
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
}

async function importRosterFile(repos: Repositories, workspace: WorkspaceRecord, parsed: Extract<Records, { ok: true }>, output: Output): Promise<number> {
  const rows = parsed.records.map(({ line, cells }) => ({
    line,
    member: cells.member ?? "",
    team: cells.team ?? "",
    role: cells.role ?? "",
    since: cells.since ?? "",
    openingBalance: cells.openingBalance ?? "",
  }));
  const ports = { clock: systemClock, members: repos.members, teams: repos.teams };
  const result = await importRoster(ports, { workspace, rows, actor: "cli", dryRun: parsed.problems.length > 0 });
  const problems = [...parsed.problems, ...(result.ok ? [] : result.error.problems)];
  if (problems.length || !result.ok) return printProblems(problems, output);
  const { received, created, updated, unchanged, teamsCreated, openingBalances } = result.value;
  output.out(
    `Imported ${plural(received, "roster row", "roster rows")}: ${created} new, ${updated} moved or backdated, ${unchanged} unchanged; ${plural(teamsCreated, "team", "teams")} created, ${plural(openingBalances, "opening balance", "opening balances")} credited.`,
  );
  return EXIT.ok;
}

async function importContactData(
  repos: Repositories,
  workspace: WorkspaceRecord,
  what: Exclude<Kind, "attendance" | "roster">,
  parsed: Extract<Records, { ok: true }>,
  output: Output,
): Promise<number> {
  const ports = { clock: systemClock, members: repos.members, contactData: repos.contactData, teams: repos.teams, feedback: repos.feedback };
  const input = { workspace, rows: parsed.records.map((r) => apiRow(r.cells)), dryRun: parsed.problems.length > 0 };
  const result: Result<IngestCounts & { candidates?: number }, IngestRefusal> =
    what === "service-level"
      ? await ingestServiceLevel(ports, input)
      : what === "chat-sessions"
        ? await ingestChatSessions(ports, input)
        : await ingestFeedback(ports, input);
  const lineOf = (index: number) => parsed.records[index]?.line ?? 0;
  const problems = [
    ...parsed.problems,
    ...(result.ok ? [] : result.error.problems.map((p) => ({ ...p, line: lineOf(p.index), reason: linesNotRows(p.reason, lineOf) }))),
  ];
  if (problems.length || !result.ok) return printProblems(problems, output);
  const { received, created, updated, unchanged, candidates } = result.value;
  const noun =
    what === "service-level"
      ? plural(received, "service-level day", "service-level days")
      : what === "chat-sessions"
        ? plural(received, "chat session", "chat sessions")
        : plural(received, "feedback row", "feedback rows");
  const wows = candidates ? `; ${plural(candidates, "wow candidate", "wow candidates")} sent to the agents' leads` : "";
  output.out(`Imported ${noun}: ${created} new, ${updated} updated, ${unchanged} unchanged${wows}.`);
  return EXIT.ok;
}

/** The use cases point at other rows by index ("conflicts with row 3"); a file's reader looks for lines. */
const linesNotRows = (reason: string, lineOf: (index: number) => number) => reason.replace(/\brow (\d+)\b/g, (_m, i: string) => `line ${lineOf(Number(i))}`);

export const importCommand: Command<ImportArgs> = {
  name: "import",
  summary: "import attendance, service-level days or chat sessions from a CSV file",
  help: importHelp,
  options: { workspace: { type: "string" } },
  parse: importArgs,
  run: runImport,
};
