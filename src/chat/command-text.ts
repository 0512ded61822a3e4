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

/** Words of a command; a mention is one word even when its name has spaces ("<@id|Ann Lee>"). */
export function commandWords(text: string): string[] {
  return text.trim().match(/<@[^>]*>\S*|\S+/g) ?? [];
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
