// Reading what people typed in Slack: command text arrives with Slack's own escapes and link markup.

/** Slack's markup in typed text back to what the person wrote: "<@U1|ann>" -> "@ann", "&lt;" -> "<". */
export function plainFromSlack(text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `@${name || id}`)
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, "@$1")
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? "@group")
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

const LEADING_MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>\s*([\s\S]*)$/;

/** A command that starts with a mention: the user id and the text after it (trimmed); null otherwise. */
function leadingMention(text: string): { user: string; rest: string } | null {
  const m = LEADING_MENTION.exec(text.trim());
  return m ? { user: m[1] ?? "", rest: (m[2] ?? "").trim() } : null;
}

/** The user id of text that is exactly one mention ("<@U123|ann>"), else undefined. */
export function userIdOfMention(text: string): string | undefined {
  const m = leadingMention(text);
  return m && !m.rest ? m.user : undefined;
}

export type WowText = { kind: "modal"; nominee?: string } | { kind: "direct"; nominee: string; story: string } | { kind: "usage"; reason: string };

/** `/wow`, `/wow @someone`, `/wow @someone what they did`. */
export function parseWowText(text: string): WowText {
  const trimmed = text.trim();
  if (!trimmed) return { kind: "modal" };
  const m = leadingMention(trimmed);
  if (!m) {
    return {
      kind: "usage",
      reason: "Start with who it's for, as a mention: `/wow @teammate what they did and why it mattered`. Or type `/wow` alone to open the form.",
    };
  }
  const nominee = m.user;
  const story = plainFromSlack(m.rest).trim();
  return story ? { kind: "direct", nominee, story } : { kind: "modal", nominee };
}

/** `/score [@agent] [reference]`. */
export function parseScoreText(text: string): { agent?: string; reference?: string } {
  const m = /^\s*(?:<@([UW][A-Z0-9]+)(?:\|[^>]*)?>)?\s*([\s\S]*)$/.exec(text);
  const reference = plainFromSlack(m?.[2] ?? "").trim();
  return { agent: m?.[1], reference: reference || undefined };
}

export type AttendanceText =
  | { kind: "modal" }
  | { kind: "list"; member: string }
  | { kind: "record"; member: string; type: string; date: string | null; note: string | null }
  | { kind: "usage" };

/** `/attendance`, `/attendance @agent`, `/attendance @agent absent|late|excused [YYYY-MM-DD] [note]`. */
export function parseAttendanceText(text: string): AttendanceText {
  const trimmed = text.trim();
  if (!trimmed) return { kind: "modal" };
  const m = leadingMention(trimmed);
  if (!m) return { kind: "usage" };
  const { user: member, rest: words } = m;
  if (!words) return { kind: "list", member };
  const parts = /^(\S+)(?:\s+(\d{4}-\d{1,2}-\d{1,2}(?!\S)))?\s*([\s\S]*)$/.exec(words);
  const note = plainFromSlack(parts?.[3] ?? "").trim();
  return { kind: "record", member, type: parts?.[1] ?? "", date: parts?.[2] ?? null, note: note || null };
}
