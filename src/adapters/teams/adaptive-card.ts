// The one converter from the neutral vocabulary (src/views/elements.ts) to an Adaptive Card: markdown text blocks
// with <at> mentions, fact sets, containers and Action.Execute / dialog buttons, within Teams' card size budget.
import { actionOpens, type ChatAction } from "../../views/actions.js";
import { type Block, type Button, EMOJI, type Inline, type Message, plainOf, summaryOf, type Text } from "../../views/elements.js";
import type { View } from "../../views/index.js";
import { messageOf } from "../../views/message.js";
import { confirmAction, executeAction, openFormAction } from "./cards/actions.js";
import { actionSet, container, type Element, facts, heading, messageCard, note, text as textBlock } from "./cards/elements.js";
import type { TeamsMessage } from "./cards/message.js";
import { escapeText, Mentions, plainText, referenceText } from "./cards/text.js";

const TONE_COLOUR = { warning: "Warning", error: "Attention" } as const;

function inline(x: Inline, m: Mentions, atLineStart: boolean): string {
  if (typeof x === "string") return escapeText(x, atLineStart);
  switch (x.kind) {
    case "bold":
      return `**${markdown(x.text, m, false)}**`;
    // Adaptive Card text has no inline code: a command is quoted, as typed to the bot (no slash).
    case "command":
      return `"${escapeText(x.text.replace(/^\//, ""))}"`;
    case "person":
      return m.at(x.person);
    // A card cannot show a channel by its id.
    case "channel":
      return escapeText(x.name);
    case "reference":
      return referenceText(x.text, x.max);
    case "emoji":
      return EMOJI[x.name];
  }
}

/** A line as card markdown: user text escaped, people as mentions collected in `m`. */
export const markdown = (text: Text, m: Mentions, atLineStart = true): string => text.map((x, i) => inline(x, m, atLineStart && i === 0)).join("");

const ids = (action: ChatAction): Record<string, string> => {
  const { kind: _kind, ...rest } = action;
  return rest as Record<string, string>;
};

function button(b: Button): Element {
  const title = b.emoji ? `${EMOJI[b.emoji]} ${b.label}` : b.label;
  const style = b.style === "primary" ? { style: "positive" } : b.style === "danger" ? { style: "destructive" } : {};
  const a = b.action;
  // Buttons that open a form open it in a dialog (task/fetch), which runs the action to build the form.
  const opens = actionOpens(a.kind);
  if (opens) return openFormAction(title, opens, { via: a.kind, ...ids(a) }, style);
  const execute = executeAction(title, a.kind, ids(a), b.confirm ? { style: "destructive" } : b.menu ? { mode: "secondary" } : style);
  // Teams buttons have no confirm dialog: the button opens a small card with the question and the real button.
  return b.confirm ? confirmAction(title, b.confirm.text, { ...execute, title: b.confirm.yes }, b.confirm.otherwise) : execute;
}

function convert(blocks: Block[], m: Mentions, last: boolean): { body: Element[]; actions: Element[] } {
  const body: Element[] = [];
  let actions: Element[] = [];
  for (const [i, b] of blocks.entries()) {
    switch (b.kind) {
      case "heading":
        body.push({ ...heading(markdown(b.text, m)), ...(b.size === "large" ? { size: "Large" } : {}) });
        break;
      case "text":
        body.push(b.tone === "subtle" ? note(markdown(b.text, m)) : textBlock(markdown(b.text, m), b.tone ? { color: TONE_COLOUR[b.tone] } : {}));
        break;
      case "quote":
        body.push(container([textBlock(escapeText(b.max && b.text.length > b.max ? `${b.text.slice(0, b.max - 1)}…` : b.text))], { style: "emphasis" }));
        break;
      case "list":
        body.push(textBlock(b.items.map((item) => `- ${markdown(item, m)}`).join("\n"), { spacing: "Small" }));
        if (b.more) body.push(note(markdown(b.more, m)));
        break;
      case "fields":
        body.push(facts(b.rows.map((r) => ({ title: markdown(r.label, m), value: markdown(r.value, m) }))));
        break;
      case "image":
        body.push({ type: "Image", url: b.url, altText: b.alt });
        break;
      case "actions":
        // The last buttons of a message are the card's own; others sit where they are.
        if (last && i === blocks.length - 1) actions = b.buttons.map(button);
        else body.push(actionSet(b.buttons.map(button)));
        break;
      case "item":
        body.push({
          type: "ColumnSet",
          separator: true,
          columns: [
            {
              type: "Column",
              width: "stretch",
              items: [textBlock(markdown(b.text, m)), ...(b.detail ? [textBlock(markdown(b.detail, m), { spacing: "None", isSubtle: true })] : [])],
            },
            { type: "Column", width: "auto", verticalContentAlignment: "Center", items: [actionSet([button(b.button)])] },
          ],
        });
        break;
      case "part":
        body.push(container(convert(b.blocks, m, false).body, { separator: true, spacing: "Medium" }));
        break;
    }
  }
  return { body, actions };
}

/** A message as an Adaptive Card and its plain-text summary (notifications, text-only answers). */
export function toAdaptiveCard(message: Message): TeamsMessage {
  const m = new Mentions();
  const { body, actions } = convert(message.blocks, m, true);
  return { text: plainText(plainLine(summaryOf(message)), 4000), card: messageCard(body, actions, m) };
}

/** Any view as a Teams message. */
export const renderCard = (view: View): TeamsMessage => toAdaptiveCard(messageOf(view));

/** A line as plain text: people by name, commands quoted as typed to the bot. */
export const plainLine = (text: Text): string =>
  plainOf(text.map((x) => (typeof x !== "string" && x.kind === "command" ? `"${x.text.replace(/^\//, "")}"` : x)));
