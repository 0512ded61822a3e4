// The neutral view vocabulary: every message a person reads is built from these elements, all its words included.
// Each platform converts them once (adapters/slack/block-kit.ts, adapters/teams/adaptive-card.ts), so a new button
// or line is written in one view file and both platforms show it.
import type { ChatAction } from "./actions.js";
import type { PersonRef } from "./person.js";

/** Emoji by Slack name (Slack writes ":name:"), with the character other platforms show. */
export const EMOJI = {
  clipboard: "📋",
  dart: "🎯",
  grey_question: "❔",
  hourglass: "⌛",
  hourglass_flowing_sand: "⏳",
  information_source: "ℹ️",
  leftwards_arrow_with_hook: "↩️",
  no_entry_sign: "🚫",
  palm_tree: "🌴",
  panda_face: "🐼",
  raised_hands: "🙌",
  star2: "🌟",
  tada: "🎉",
  telephone_receiver: "📞",
  warning: "⚠️",
  white_check_mark: "✅",
  x: "❌",
} as const;
export type EmojiName = keyof typeof EMOJI;

/** A piece of a line. A bare string is literal words (converters escape it: user text never becomes markup). */
export type Inline =
  | string
  | { kind: "bold"; text: Inline[] }
  /** A command as the person types it on Slack ("/pto @agent"); Teams shows it without the slash, in quotes. */
  | { kind: "command"; text: string }
  | { kind: "person"; person: PersonRef }
  /** A channel by id; `name` is what a platform that cannot show a channel by id says instead. */
  | { kind: "channel"; id: string; name: string }
  /** An interaction reference: a link when it is a web address, else literal text, cut to `max` characters. */
  | { kind: "reference"; text: string; max: number }
  | { kind: "emoji"; name: EmojiName };

/** A line of words. */
export type Text = Inline[];

/** Writes a line: literal parts and interpolated values (strings, numbers, inlines or lines) in order. */
export function t(parts: TemplateStringsArray, ...values: Array<Inline | Text | number>): Text {
  const out: Text = [];
  parts.forEach((part, i) => {
    if (part) out.push(part);
    if (i < values.length) {
      const v = values[i] as Inline | Text | number;
      if (Array.isArray(v)) out.push(...v);
      else out.push(typeof v === "number" ? String(v) : v);
    }
  });
  return out;
}

export const bold = (...text: Array<Inline | number>): Inline => ({ kind: "bold", text: text.map((x) => (typeof x === "number" ? String(x) : x)) });
export const person = (p: PersonRef): Inline => ({ kind: "person", person: p });
export const command = (text: string): Inline => ({ kind: "command", text });
export const channel = (id: string, name: string): Inline => ({ kind: "channel", id, name });
export const reference = (text: string, max = 250): Inline => ({ kind: "reference", text, max });
export const emoji = (name: EmojiName): Inline => ({ kind: "emoji", name });

/** A button: its label, the action it sends, and how it looks. */
export interface Button {
  label: string;
  /** Shown before the label (Slack renders the name as emoji, others the character). */
  emoji?: EmojiName;
  action: ChatAction;
  style?: "primary" | "danger";
  /** Asked before the action is sent; `otherwise` says how to leave it where a platform has no "no" button. */
  confirm?: { title: string; text: string; yes: string; no: string; otherwise: string };
  /** Secondary actions go into the message's "more" menu. */
  menu?: boolean;
}

export type Tone = "subtle" | "warning" | "error";

export type Block =
  /** A title line; with people in it Slack shows it as bold text (its header cannot mention). */
  | { kind: "heading"; text: Text; size?: "large" }
  /** A line; "subtle" is secondary detail, "warning" and "error" are coloured where the platform can. */
  | { kind: "text"; text: Text; tone?: Tone }
  /** A person's own words, quoted: long ones are split or cut to `max` characters by the converter. */
  | { kind: "quote"; text: string; max?: number }
  /** Label and value pairs (Slack: bullet lines; Teams: a fact set). */
  | { kind: "fields"; rows: Array<{ label: Text; value: Text }> }
  /** Bullet lines; `more` says what is left out. */
  | { kind: "list"; items: Text[]; more?: Text }
  | { kind: "image"; url: string; alt: string }
  | { kind: "actions"; buttons: Button[] }
  /** A line with its own button beside it (a pending request with Cancel); `detail` is a second, quieter line. */
  | { kind: "item"; text: Text; detail?: Text; button: Button }
  /** A separated part of a longer message (the parts of the digest, of the stats page). */
  | { kind: "part"; blocks: Block[] };

/** A message: what it says in notifications and previews (`summary`, else its first line), and its content. */
export interface Message {
  summary?: Text;
  blocks: Block[];
}

/** What a message says in a notification: its summary, else its first line of text. */
export function summaryOf(message: Message): Text {
  if (message.summary) return message.summary;
  const first = message.blocks.find((b) => b.kind === "text" || b.kind === "heading");
  return first && (first.kind === "text" || first.kind === "heading") ? first.text : [];
}

export const heading = (text: Text, size?: "large"): Block => ({ kind: "heading", text, ...(size ? { size } : {}) });
export const line = (text: Text, tone?: Tone): Block => ({ kind: "text", text, ...(tone ? { tone } : {}) });
/** Secondary detail under what it explains (Slack's context block). */
export const note = (text: Text): Block => line(text, "subtle");
export const quote = (text: string, max?: number): Block => ({ kind: "quote", text, ...(max ? { max } : {}) });
export const fields = (rows: Array<{ label: Text; value: Text }>): Block => ({ kind: "fields", rows });
export const list = (items: Text[], more?: Text): Block => ({ kind: "list", items, ...(more ? { more } : {}) });
export const actions = (...buttons: Button[]): Block => ({ kind: "actions", buttons });
export const item = (text: Text, button: Button, detail?: Text): Block => ({ kind: "item", text, button, ...(detail ? { detail } : {}) });
export const part = (...blocks: Block[]): Block => ({ kind: "part", blocks });

/** A line's words without markup: people by name, references as written (previews, plain answers, the terminal). */
export function plainOf(text: Text): string {
  return text.map(plainInline).join("");
}

function plainInline(x: Inline): string {
  if (typeof x === "string") return x;
  switch (x.kind) {
    case "bold":
      return plainOf(x.text);
    case "command":
      return x.text;
    case "person":
      return x.person.displayName;
    case "channel":
      return x.name;
    case "reference":
      return x.text.length > x.max ? `${x.text.slice(0, x.max - 1)}…` : x.text;
    case "emoji":
      return EMOJI[x.name];
  }
}

/**
 * wowbot's own notices are written with light markup: *bold*, `commands`, <@ID> for the `people` they name and <#ID>
 * for the `channels`. Any other <@ID> or <#ID> stays literal text: a notice may quote what a person typed, and that
 * must never become a mention.
 */
export function fromMarkup(text: string, people: readonly PersonRef[] = [], channels: ReadonlyArray<{ id: string; name: string }> = []): Text {
  const out: Text = [];
  let at = 0;
  for (const m of text.matchAll(/\*([^*\n]+)\*|`([^`\n]+)`|<@([^|>\s]+)>|<#([^|>\s]+)>/g)) {
    const named = m[3] === undefined ? undefined : people.find((p) => p.platformUserId === m[3]);
    const room = m[4] === undefined ? undefined : channels.find((c) => c.id === m[4]);
    if ((m[3] !== undefined && !named) || (m[4] !== undefined && !room)) continue;
    if (m.index > at) out.push(text.slice(at, m.index));
    if (m[1] !== undefined) out.push(bold(m[1]));
    else if (m[2] !== undefined) out.push(command(m[2]));
    else if (named) out.push(person(named));
    else if (room) out.push(channel(room.id, room.name));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
