// Reading typed commands on any platform: mentions arrive as `<@ID>` or `<@ID|Name>` (ID a Slack user id or a Teams
// AAD object id); the adapter's `plain` turns its own markup in free text (stories, notes) back into what was typed.
import { dateWordsAt } from "../domain/calendar-date.js";

/** Free text as the person wrote it; the default leaves text untouched (Teams passes plain text). */
export type PlainText = (text: string) => string;
const asTyped: PlainText = (text) => text;

const LEADING_MENTION = /^<@([^|>\s]+)(?:\|[^>]*)?>\s*([\s\S]*)$/;

/** A command that starts with a mention: the user id and the text after it (trimmed); null otherwise. */
function leadingMention(text: string): { user: string; rest: string } | null {
  const m = LEADING_MENTION.exec(text.trim());
  return m ? { user: m[1] ?? "", rest: (m[2] ?? "").trim() } : null;
}

/** The user id of text that is exactly one mention ("<@U123|ann>", "<@00000000-…|Ann Lee>"), else undefined. */
export function userIdOfMention(text: string): string | undefined {
  const m = leadingMention(text);
  return m && !m.rest ? m.user : undefined;
}

/** Words of a command; a mention or a channel is one word even when its name has spaces ("<@id|Ann Lee>", "<#id|Billing leads>"). */
export function commandWords(text: string): string[] {
  return text.trim().match(/<[@#!][^>]*>\S*|\S+/g) ?? [];
}

export type WowText = { kind: "modal"; nominee?: string } | { kind: "direct"; nominee: string; story: string } | { kind: "usage" };

/** `wow`, `wow @someone`, `wow @someone what they did`. */
export function parseWowText(text: string, plain: PlainText = asTyped): WowText {
  const trimmed = text.trim();
  if (!trimmed) return { kind: "modal" };
  const m = leadingMention(trimmed);
  if (!m) return { kind: "usage" };
  const story = plain(m.rest).trim();
  return story ? { kind: "direct", nominee: m.user, story } : { kind: "modal", nominee: m.user };
}

/** `score [@agent] [reference]`. */
export function parseScoreText(text: string, plain: PlainText = asTyped): { agent?: string; reference?: string } {
  const m = /^\s*(?:<@([^|>\s]+)(?:\|[^>]*)?>)?\s*([\s\S]*)$/.exec(text);
  const reference = plain(m?.[2] ?? "").trim();
  return { agent: m?.[1], reference: reference || undefined };
}

export type AttendanceText =
  | { kind: "modal" }
  | { kind: "list"; member: string }
  /** `date` is the date as typed ("2026-03-02", "yesterday", "12/07/2026"): the command reads it, or refuses it. */
  | { kind: "record"; member: string; type: string; date: string | null; note: string | null }
  | { kind: "usage" };

/** `attendance`, `attendance @agent`, `attendance @agent absent|late|excused [date] [note]`. */
export function parseAttendanceText(text: string, plain: PlainText = asTyped): AttendanceText {
  const trimmed = text.trim();
  if (!trimmed) return { kind: "modal" };
  const m = leadingMention(trimmed);
  if (!m) return { kind: "usage" };
  const { user: member, rest: words } = m;
  if (!words) return { kind: "list", member };
  const [type = "", afterType] = firstWord(words);
  // Whatever looks like a date is the date, to be read or refused: "late 12/07/2026" must not become a note.
  let rest = afterType;
  const dateWords: string[] = [];
  for (let n = dateWordsAt(commandWords(rest).slice(0, 2)); n > 0; n--) {
    const [word, after] = firstWord(rest);
    dateWords.push(word);
    rest = after;
  }
  const note = plain(rest).trim();
  return { kind: "record", member, type, date: dateWords.length ? dateWords.join(" ") : null, note: note || null };
}

/** The first word of text and the text after it (its spacing kept, for notes and stories). */
function firstWord(text: string): [string, string] {
  const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(text);
  return [m?.[1] ?? "", m?.[2] ?? ""];
}

/** Opening quotes and the quote that closes each: straight, and the curly ones phones and Teams type. */
const QUOTES: Record<string, string> = { '"': '"', "“": "”", "”": "”", "'": "'", "‘": "’" };

export interface TeamText {
  action: string;
  /** The team's name: one word, or several in quotes; null when none was given. */
  name: string | null;
  /** What follows the name, word by word (mentions, a channel, a new name). */
  rest: string[];
  /** The text after the name as typed (a new name may be quoted too). */
  restText: string;
}

/** `team ACTION [NAME] [...]`, NAME one word or a "quoted name". `text` starts after `team`. */
export function parseTeamText(text: string): TeamText {
  const [action = "", afterAction] = firstWord(text);
  const { name, after } = readName(afterAction);
  return { action: action.toLowerCase(), name, rest: commandWords(after), restText: after.trim() };
}

/** A name at the start of text: quoted (up to its closing quote) or one word; null when the text is empty. */
export function readName(text: string): { name: string | null; after: string } {
  const trimmed = text.trimStart();
  const open = trimmed[0];
  const close = open === undefined ? undefined : QUOTES[open];
  if (close !== undefined) {
    const end = trimmed.indexOf(close, 1);
    if (end > 0) return { name: trimmed.slice(1, end), after: trimmed.slice(end + 1) };
  }
  const [word, after] = firstWord(trimmed);
  return { name: word || null, after };
}

/** The channel id of text that is exactly one channel reference ("<#C123|team>", "<#19:abc@thread.tacv2|General>"). */
export function channelIdOf(text: string): { id: string; name: string } | undefined {
  const m = /^<#([^|>\s]+)(?:\|([^>]*))?>$/.exec(text.trim());
  return m ? { id: m[1] ?? "", name: m[2] || (m[1] ?? "") } : undefined;
}

/** A Slack user group ("<!subteam^S123|@support>") or channel ("<#C123|billing>") named in a command, or undefined. */
export function teamSourceOf(text: string): { kind: "usergroup" | "channel"; id: string; name: string } | undefined {
  const group = /^<!subteam\^([^|>\s]+)(?:\|([^>]*))?>$/.exec(text.trim());
  if (group) return { kind: "usergroup", id: group[1] ?? "", name: (group[2] ?? group[1] ?? "").replace(/^@/, "") };
  const room = channelIdOf(text);
  return room && { kind: "channel", ...room };
}

export interface CalibrateText {
  agent: string;
  /** The interaction's reference: the words between the agent and the first lead, as typed. */
  reference: string;
  /** The leads named (user ids), in order; may be empty (the use case says who is missing). */
  leads: string[];
}

/** `score calibrate @agent REF @lead...` (`text` starts after `calibrate`); null when it is not in that shape. */
export function parseCalibrateText(text: string, plain: PlainText = asTyped): CalibrateText | null {
  const [first = "", ...rest] = commandWords(text);
  const agent = userIdOfMention(first);
  if (!agent) return null;
  const firstLead = rest.findIndex((w) => userIdOfMention(w) !== undefined);
  const referenceWords = firstLead < 0 ? rest : rest.slice(0, firstLead);
  const leads = (firstLead < 0 ? [] : rest.slice(firstLead)).map((w) => userIdOfMention(w));
  const reference = plain(referenceWords.join(" ")).trim();
  if (!reference || leads.some((l) => l === undefined)) return null;
  return { agent, reference, leads: leads as string[] };
}
