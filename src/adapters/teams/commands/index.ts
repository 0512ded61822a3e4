// Commands typed to the bot ("wow", "score", "pto", "attendance", "wowbot <sub-command>", also with a leading "/"),
// all run by the neutral command layer (src/chat); this file only turns its outcome into Teams messages. Unknown
// input gets help.
import { CardFactory } from "botbuilder";
import { CHAT_COMMANDS, type ChatCommand, runCommand } from "../../../chat/commands.js";
import type { CommandOutcome } from "../../../chat/request.js";
import { helpView } from "../../../views/help.js";
import { renderFormOpener } from "../cards/form-opener.js";
import { teamsRequest } from "../chat-request.js";
import { deliverExport } from "../export.js";
import { replyPrivately, replyPrivatelyWith, type TeamsTurn } from "../turn.js";

const isCommand = (word: string): word is ChatCommand => (CHAT_COMMANDS as readonly string[]).includes(word);

/** Splits off the first word, lower-cased; a leading "/" is accepted ("/pto" as on Slack). */
export function splitCommand(text: string): { word: string; rest: string } {
  const trimmed = text.trim().replace(/^\//, "");
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return { word: (match?.[1] ?? "").toLowerCase(), rest: (match?.[2] ?? "").trim() };
}

/** Delivers a command's outcome: a private answer, a card whose button opens the form's dialog, or an export. */
export async function deliverOutcome(turn: TeamsTurn, outcome: CommandOutcome): Promise<void> {
  switch (outcome.kind) {
    case "reply":
      return replyPrivately(turn, outcome.view);
    case "form": {
      // A bot cannot open a dialog from a message: the person gets a button that does.
      const { text, card } = renderFormOpener(outcome.form);
      // Plain, as toActivity: the fallback may carry a prefilled reference.
      return replyPrivatelyWith(turn, { type: "message", text, textFormat: "plain", attachments: card ? [CardFactory.adaptiveCard(card)] : [] });
    }
    case "export":
      return deliverExport(turn, outcome.request, outcome.preparing);
  }
}

/** Runs the command the normalised text names; anything else (including empty text) gets the help list. */
export async function dispatchCommand(turn: TeamsTurn, text: string): Promise<void> {
  const { word, rest } = splitCommand(text);
  // "help" (as in Teams' command menu) and an empty message are asking for help, not unknown input.
  if (word === "help" || word === "") return replyPrivately(turn, helpView(undefined, ""));
  if (!isCommand(word)) return replyPrivately(turn, helpView(text, ""));
  return deliverOutcome(turn, await runCommand(teamsRequest(turn), word, rest));
}
