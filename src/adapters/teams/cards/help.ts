// Adaptive Card for the help view. Teams commands are messages to the bot, so "/wow" is shown as "wow".
import type { HelpView } from "../../../views/help.js";
import { type Element, facts, heading, messageCard, text } from "./elements.js";
import type { TeamsMessage } from "./message.js";
import { escapeText, Mentions, plainText } from "./text.js";

const asMessage = (usage: string) => usage.replace(/^\//, "");

export function renderHelp(view: HelpView): TeamsMessage {
  const unknown = view.unknownInput ? escapeText(view.unknownInput.slice(0, 200)) : null;
  const body: Element[] = [
    unknown ? text(`I don't know "${unknown}". Here is what I can do:`) : heading(escapeText(view.title)),
    facts(view.commands.map((c) => ({ title: escapeText(asMessage(c.usage)), value: escapeText(c.description) }))),
    text("In a channel, mention me first: @wowbot wow @teammate what they did.", { isSubtle: true, size: "Small" }),
  ];
  const plain = [
    view.unknownInput ? `I don't know "${view.unknownInput.slice(0, 200)}".` : view.title,
    ...view.commands.map((c) => `${asMessage(c.usage)}: ${c.description}`),
  ];
  return { text: plainText(plain.join("\n"), 4000), card: messageCard(body, [], new Mentions()) };
}
