// Commands typed to the bot, by first word ("pto", "wow", ...) and, after "wowbot", by sub-command. To add one:
// write a TeamsCommand in this folder and add a line to COMMANDS or WOWBOT_COMMANDS. Unknown input gets help.
import { helpView } from "../../../views/help.js";
import { replyPrivately, type TeamsTurn } from "../turn.js";
import { ptoCommand } from "./pto.js";

/** `args` is the text after the command word(s), mentions already in the neutral "<@AAD|Name>" form. */
export type TeamsCommand = (turn: TeamsTurn, args: string) => Promise<void>;

const help: TeamsCommand = (turn) => replyPrivately(turn, helpView());

export const COMMANDS: Record<string, TeamsCommand> = {
  help,
  pto: ptoCommand,
};

/** "wowbot <sub-command> ...". */
export const WOWBOT_COMMANDS: Record<string, TeamsCommand> = {
  help,
};

/** A table entry, never an inherited property ("wowbot constructor" is unknown text, not Object's constructor). */
const own = (table: Record<string, TeamsCommand>, word: string) => (Object.hasOwn(table, word) ? table[word] : undefined);

/** Splits off the first word, lower-cased; a leading "/" is accepted ("/pto" as on Slack). */
export function splitCommand(text: string): { word: string; rest: string } {
  const trimmed = text.trim().replace(/^\//, "");
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return { word: (match?.[1] ?? "").toLowerCase(), rest: (match?.[2] ?? "").trim() };
}

/** Runs the command the normalised text names; anything else (including empty text) gets the help list. */
export async function dispatchCommand(turn: TeamsTurn, text: string): Promise<void> {
  const { word, rest } = splitCommand(text);
  if (word === "wowbot") {
    const sub = splitCommand(rest);
    const command = own(WOWBOT_COMMANDS, sub.word || "help");
    if (command) return command(turn, sub.rest);
    return replyPrivately(turn, helpView(text));
  }
  const command = own(COMMANDS, word);
  if (command) return command(turn, rest);
  return replyPrivately(turn, helpView(text));
}
