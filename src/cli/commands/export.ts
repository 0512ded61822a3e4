// `wowbot export nominations|scores|attendance|ledger|calibrations|feedback [--from DATE] [--to DATE]`: CSV on stdout, read from the database
// in batches and written as it is read, so a year of history streams through without piling up in memory.
import { EXPORT_COLUMNS, type ExportRequest, exportCsv, exportRequest } from "../../app/exports.js";
import type { Config } from "../../config/env.js";
import { type Command, type OptionValues, stringOption } from "../command.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";
import { withWorkspace } from "../workspace.js";

const columnList = (kind: keyof typeof EXPORT_COLUMNS) => EXPORT_COLUMNS[kind].map((c) => c.header).join(", ");

const exportHelp = `Usage: wowbot export nominations|scores|attendance|ledger|calibrations|feedback [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--workspace ID]

Writes the workspace's records as CSV to stdout (RFC 4180: UTF-8 without a byte-order mark, a header row, CRLF line
ends, values with commas, quotes or line breaks in double quotes):

  wowbot export scores --from 2026-01-01 --to 2026-03-31 > scores-q1.csv

  --from, --to    local dates in the workspace's time zone, both included; either may be left out. Nominations,
                  scores and ledger entries count by the day they were made, attendance by the day it concerns.
                  Default: everything.
  --workspace ID  the workspace: its wowbot id or the platform's id (Slack team id T...); needed when there are
                  several

Times are ISO 8601 in the workspace's time zone with its UTC offset (2026-03-02T09:15:00+01:00). People appear by
platform user id, name and email. Nothing is left out; a status column tells what changed:
  nominations  status active, retracted (by the nominator) or removed (by a lead), with status_changed_at
  scores       status current, or superseded (re-scored; superseded_by names the score that replaced it)
  attendance   status live, or deleted (with deleted_at and deleted_by)
  ledger       every entry; hours are negative for redemptions and reversals
  calibrations one row per lead taking part in a blind calibration (by the day it started); answers, score and
               spread (highest minus lowest score) stay empty until it is revealed, scored_at empty for a lead who
               never scored
  feedback     customer feedback by when it was received, with its wow candidate's status; comments are personal
               data (the customer is never stored, so never exported)

Spreadsheet safety: a text cell (names, emails, stories, notes, references, reasons) that starts with =, +, -, @,
a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it instead of running it as a formula.
Numbers, dates and ids wowbot writes itself are never changed.

Columns:
  nominations  ${columnList("nominations")}
  scores       ${columnList("scores")}
  attendance   ${columnList("attendance")}
  ledger       ${columnList("ledger")}
  calibrations ${columnList("calibrations")}
  feedback     ${columnList("feedback")}

Each export is audit-logged (actor "cli", with its kind, range and row count).
With the embedded database (no DATABASE_URL), stop \`wowbot serve\` first: one process at a time opens DATA_DIR.
Exit codes: 0 exported (an empty export is the header row alone); 1 database unavailable, or stdout closed before
the end (| head); 2 usage error (unknown
kind, a bad date, --from after --to); 3 invalid configuration.`;

export interface ExportArgs {
  request: ExportRequest;
  workspace: string | undefined;
}

export function exportArgs(positionals: string[], values: OptionValues): ExportArgs | { usage: string } {
  const [kind, extra] = positionals;
  if (extra !== undefined) return { usage: `unexpected argument "${extra}": give dates with --from and --to` };
  const options: Record<string, string | undefined> = {};
  for (const name of ["from", "to", "workspace"]) {
    const value = stringOption(values, name);
    if (typeof value === "object") return { usage: `--${name} needs a value` };
    options[name] = value;
  }
  const request = exportRequest(kind, options.from, options.to);
  if (!request.ok) return { usage: request.error.message };
  return { request: request.value, workspace: options.workspace };
}

async function runExport(config: Config, args: ExportArgs, output: Output): Promise<number> {
  const write = output.write ? output.write.bind(output) : (chunk: string) => output.out(chunk.replace(/\r\n$/, ""));
  return withWorkspace(config, "export", args.workspace, output, async (repos, workspace) => {
    let result: Awaited<ReturnType<typeof exportCsv>>;
    try {
      result = await exportCsv({ exports: repos.exports }, { workspace, actor: "cli", request: args.request }, write);
    } catch (error) {
      // The reader closed the pipe (`wowbot export scores | head`): stop reading, say so, and exit 1, as the file is cut.
      if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
      output.err("wowbot export: stdout was closed before the export finished, so it stopped there (the output is cut short).");
      return EXIT.failure;
    }
    if (!result.ok) {
      output.err(`wowbot export: ${result.error.message}`);
      return EXIT.failure;
    }
    return EXIT.ok;
  });
}

export const exportCommand: Command<ExportArgs> = {
  name: "export",
  summary: "export nominations, scores, attendance, the PTO ledger, calibrations or feedback as CSV (wowbot export scores --from DATE)",
  help: exportHelp,
  options: { workspace: { type: "string" }, from: { type: "string" }, to: { type: "string" } },
  parse: exportArgs,
  run: runExport,
};
