// The one converter from the neutral vocabulary (src/views/elements.ts) to Block Kit: mrkdwn for lines, sections,
// context, header and actions blocks for the rest, and every text cut to the limit of the element it goes into.
import { actionSubject, CHAT_ACTION_KINDS, type ChatAction, chatActionOf as readAction } from "../../views/actions.js";
import { type Block, type Button, type Inline, type Message, summaryOf, type Text } from "../../views/elements.js";
import type { HomeView } from "../../views/home.js";
import type { View } from "../../views/index.js";
import { messageOf } from "../../views/message.js";
import { chunks, LIMITS, truncate } from "./limits.js";
import { escapeText, mention, quote, referenceText } from "./mrkdwn.js";

export type SlackBlock = Record<string, unknown>;

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

function inline(x: Inline): string {
  if (typeof x === "string") return escapeText(x);
  switch (x.kind) {
    case "bold":
      return `*${mrkdwn(x.text)}*`;
    case "command":
      return `\`${escapeText(x.text)}\``;
    case "person":
      return mention(x.person.platformUserId);
    case "channel":
      return `<#${x.id}>`;
    case "reference":
      return referenceText(x.text, x.max);
    case "emoji":
      return `:${x.name}:`;
  }
}

/** A line as Slack mrkdwn: user text escaped, people and channels as mentions. */
export const mrkdwn = (text: Text): string => text.map(inline).join("");

/** A line as plain_text (headers, buttons): no escaping, emoji by name. */
function plain(text: Text): string {
  return text
    .map((x) => {
      if (typeof x === "string") return x;
      if (x.kind === "bold") return plain(x.text);
      if (x.kind === "emoji") return `:${x.name}:`;
      if (x.kind === "person") return x.person.displayName;
      if (x.kind === "channel") return x.name;
      return x.text;
    })
    .join("");
}

/** A header cannot mention anyone or link: a heading with people or references is a bold section instead. */
const plainable = (text: Text) => text.every((x) => typeof x === "string" || x.kind === "emoji" || x.kind === "command");

const section = (text: string): SlackBlock => ({ type: "section", text: { type: "mrkdwn", text: truncate(text, LIMITS.sectionText) } });
const context = (text: string): SlackBlock => ({ type: "context", elements: [{ type: "mrkdwn", text: truncate(text, LIMITS.contextElementText) }] });
const plainText = (text: string, max: number) => ({ type: "plain_text", text: truncate(text, max), emoji: true });

/** The value a button carries: the id its action is about ("none" for an action about nothing). */
const buttonValue = (action: ChatAction): string => actionSubject(action) || "none";

/** Secondary buttons share one overflow menu, "<area>.manage", whose options say "<what>:<id>". */
const menuId = (action: ChatAction) => `${action.kind.split(".")[0]}.manage`;

/** The overflow menus wowbot's messages use. */
const MENU_IDS = ["nomination.manage"] as const;

/** The action a clicked element asks for, read back from its action id and value; null for anything else. */
export function chatActionOf(actionId: string, value: string): ChatAction | null {
  const [area, what] = actionId.split(".");
  if (what === "manage") {
    const [how = "", id = ""] = value.split(":");
    return readAction(`${area}.${how}`, id);
  }
  return readAction(actionId, value);
}

/** Every action id wowbot's messages use (the listeners answer exactly these). */
export const ACTION_IDS: readonly string[] = [...CHAT_ACTION_KINDS, ...MENU_IDS];

function button(b: Button): SlackBlock {
  const label = b.emoji ? `:${b.emoji}: ${b.label}` : b.label;
  return {
    type: "button",
    action_id: b.action.kind,
    value: buttonValue(b.action),
    text: plainText(label, LIMITS.buttonText),
    ...(b.style ? { style: b.style } : {}),
    ...(b.confirm
      ? {
          confirm: {
            title: { type: "plain_text", text: b.confirm.title },
            text: { type: "plain_text", text: b.confirm.text },
            confirm: { type: "plain_text", text: b.confirm.yes },
            deny: { type: "plain_text", text: b.confirm.no },
          },
        }
      : {}),
  };
}

function actionsBlock(buttons: Button[]): SlackBlock {
  const elements = buttons.filter((b) => !b.menu).map(button);
  const menu = buttons.filter((b) => b.menu);
  const first = menu[0];
  if (first) {
    elements.push({
      type: "overflow",
      action_id: menuId(first.action),
      options: menu.map((b) => ({ text: plainText(b.label, LIMITS.buttonText), value: `${b.action.kind.split(".")[1]}:${buttonValue(b.action)}` })),
    });
  }
  return { type: "actions", elements };
}

const plainLine = (b: Block | undefined) => b?.kind === "text" && (!b.tone || b.tone === "error");

/**
 * Blocks as Block Kit. Lines that follow each other share one section, as Slack people write them (a list or quote
 * under its intro line too); inside a part its heading is the section's first, bold line.
 */
function convert(blocks: Block[], out: SlackBlock[], inPart = false): SlackBlock[] {
  let open: { text: { text: string } } | null = null;
  const add = (text: string) => {
    if (open) open.text.text = truncate(`${open.text.text}\n${text}`, LIMITS.sectionText);
    else {
      open = section(text) as { text: { text: string } };
      out.push(open);
    }
  };
  for (const [i, b] of blocks.entries()) {
    const joins = plainLine(blocks[i - 1]) || (inPart && blocks[i - 1]?.kind === "heading");
    if (!joins || !(plainLine(b) || b.kind === "quote" || b.kind === "list")) open = null;
    switch (b.kind) {
      case "heading":
        if (inPart) add(`*${mrkdwn(b.text)}*`);
        else out.push(plainable(b.text) ? { type: "header", text: plainText(plain(b.text), 150) } : section(`*${mrkdwn(b.text)}*`));
        break;
      case "text":
        if (b.tone === "subtle" || b.tone === "warning") out.push(context(mrkdwn(b.text)));
        else add(mrkdwn(b.text));
        break;
      case "quote": {
        const quoted = quote(escapeText(b.max && b.text.length > b.max ? `${b.text.slice(0, b.max - 1)}…` : b.text));
        // A bounded quote stays under its intro line.
        if (open && b.max) add(quoted);
        // A 2000-character story of "&" escapes to 10,000 characters, so it may need several sections.
        else for (const part of chunks(quoted, LIMITS.sectionText - 100, 3)) out.push(section(part));
        open = null;
        break;
      }
      case "list":
        add([...b.items.map((item) => `• ${mrkdwn(item)}`), ...(b.more ? [mrkdwn(b.more)] : [])].join("\n"));
        open = null;
        break;
      case "fields":
        out.push(section(b.rows.map((r) => `• ${mrkdwn(r.label)}: ${mrkdwn(r.value)}`).join("\n")));
        break;
      case "image":
        out.push({ type: "image", image_url: b.url, alt_text: truncate(b.alt, 2000) });
        break;
      case "actions":
        out.push(actionsBlock(b.buttons));
        break;
      case "item":
        out.push({ ...section(b.detail ? `${mrkdwn(b.text)}\n${mrkdwn(b.detail)}` : mrkdwn(b.text)), accessory: button(b.button) });
        break;
      case "part":
        out.push({ type: "divider" });
        convert(b.blocks, out, true);
        break;
    }
  }
  return out;
}

/**
 * A message as Slack's text (the notification) and blocks. Lists arrive capped by the views; this only guards against
 * extreme text, cutting sections shorter until the message fits Slack's size limit.
 */
export function toBlockKit(message: Message): SlackMessage {
  const blocks = convert(message.blocks, []).slice(0, LIMITS.blocksPerMessage);
  for (let max = 2000; JSON.stringify(blocks).length > LIMITS.messageBlocksChars && max >= 250; max = Math.floor(max / 2)) {
    for (const b of blocks) {
      const text = b.text as { type?: string; text?: string } | undefined;
      if (b.type === "section" && text?.type === "mrkdwn" && text.text) text.text = truncate(text.text, max);
    }
  }
  return { text: truncate(mrkdwn(summaryOf(message)), LIMITS.messageText), blocks };
}

/** A Home tab: the same blocks, within a Home tab's block limit. */
export function toHomeTab(message: Message) {
  return { type: "home" as const, blocks: convert(message.blocks, []).slice(0, LIMITS.blocksPerModal) };
}

/** Any view as a Slack message. */
export const renderMessage = (view: View): SlackMessage => toBlockKit(messageOf(view));

/** The member's App Home tab. */
export const renderHome = (view: HomeView) => toHomeTab(messageOf(view));
