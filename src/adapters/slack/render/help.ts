// Renders the help view as a private Block Kit message.
import type { HelpView } from "../../../views/help.js";
import { escapeText } from "./text.js";

export function renderHelp(view: HelpView) {
  const lines = view.commands.map((c) => `\`${c.usage}\`  ${escapeText(c.description)}`);
  const heading = view.unknownInput ? `I don't know \`${escapeText(view.unknownInput).slice(0, 200)}\`. Here is what I can do:` : `*${view.title}*`;
  const text = [heading, ...lines].join("\n");
  return {
    text,
    blocks: [{ type: "section", text: { type: "mrkdwn", text: text.slice(0, 3000) } }],
  };
}
