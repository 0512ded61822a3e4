// `wowbot digest --workspace ID [--date YYYY-MM-DD] --print`: the lead digest delivered on a day, as text on stdout. Printing is
// the only mode: sending is the scheduler's job (`wowbot serve`), exactly once per day, so --print is required.
import { buildDigest } from "../../app/digest.js";
import type { Config } from "../../config/env.js";
import { readTypedDate } from "../../domain/calendar-date.js";
import { systemClock } from "../../domain/clock.js";
import { localDate } from "../../domain/local-time.js";
import { type Command, type OptionValues, stringOption } from "../command.js";
import { digestText } from "../digest-text.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";
import { withWorkspace } from "../workspace.js";

const digestHelp = `Usage: wowbot digest --print [--workspace ID] [--date YYYY-MM-DD]

Prints the daily lead digest as plain text: recognition, quality, attendance, PTO, service level and idle chats, as
leads receive it in chat (names instead of mentions).

Options:
  --print         print the digest on stdout (required: sending it is the job of \`wowbot serve\`, which delivers
                  each workspace's digest once a day at digest time)
  --workspace ID  the workspace: its wowbot id or the platform's id (Slack team id T...); needed when there are
                  several
  --date DATE     the day the digest is delivered, YYYY-MM-DD (default: today in the workspace's time zone). It
                  covers the days since those the previous digest covered, up to the day before: with
                  Monday-Friday workdays, --date of a Tuesday covers Monday, of a Monday Friday to Sunday

With the embedded database (no DATABASE_URL), stop \`wowbot serve\` first: one process at a time opens DATA_DIR.
Exit codes: 0 printed; 1 database unavailable; 2 usage error (no --print, a bad date, an unknown workspace);
3 invalid configuration.`;

export interface DigestArgs {
  workspace: string | undefined;
  date: string | undefined;
}

export function digestArgs(positionals: string[], values: OptionValues): DigestArgs | { usage: string } {
  if (positionals[0] !== undefined) return { usage: `unexpected argument "${positionals[0]}"` };
  if (values.print !== true) return { usage: "--print is required: the digest is printed here; `wowbot serve` sends it at digest time" };
  const workspace = stringOption(values, "workspace");
  if (typeof workspace === "object") return { usage: "--workspace needs a workspace id" };
  const date = stringOption(values, "date");
  if (typeof date === "object") return { usage: "--date needs a date, YYYY-MM-DD" };
  if (date === undefined) return { workspace, date };
  const day = readTypedDate(date);
  return day.ok ? { workspace, date: day.value } : { usage: `--date ${day.error.message}` };
}

export const digestCommand: Command<DigestArgs> = {
  name: "digest",
  summary: "print a workspace's daily lead digest (--print)",
  help: digestHelp,
  options: { workspace: { type: "string" }, date: { type: "string" }, print: { type: "boolean" } },
  parse: digestArgs,
  run: (config: Config, args: DigestArgs, output: Output) =>
    withWorkspace(config, "digest", args.workspace, output, async (repos, workspace) => {
      const day = args.date ?? localDate(systemClock.now(), workspace.timezone);
      const view = await buildDigest(repos.digest, workspace, day);
      output.out(digestText(view));
      return EXIT.ok;
    }),
};
