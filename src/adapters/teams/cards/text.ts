// Teams text: user-written text is escaped so it stays literal (no markdown links, emphasis or <at> mentions it did
// not write, no @channel-style words), and people are written as <at>Name</at> with a matching mention entity.
import type { PersonRef } from "../../../views/person.js";

const ZWSP = "\u200B";

/** Keeps markup inert without escaping markdown: "<" can no longer open a tag, "@here" no longer reads as a mention. */
export function inert(text: string): string {
  return text.replace(/</g, `<${ZWSP}`).replace(/@(here|channel|everyone|team|all)\b/gi, `@${ZWSP}$1`);
}

/**
 * wowbot's own notices mark commands as `code` and words as *bold* (Slack's markup); Adaptive Card text has no inline
 * code, so both become plain words, commands in quotes.
 */
export function fromNoticeMarkup(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, "$1").replace(/`([^`\n]+)`/g, '"$1"');
}

/**
 * User text as literal card markdown: every markdown marker backslash-escaped, tags and @channel words inert. Text in
 * the middle of a line (`atLineStart` false) is escaped as such: "987.25" after other words is no numbered list.
 */
export function escapeText(text: string, atLineStart = true): string {
  const start = atLineStart ? "^" : "(?<=\\n)";
  const escaped = text
    .replace(/[\\`*_~[\]]/g, (c) => `\\${c}`)
    // Line starts that markdown reads as headings, quotes and lists.
    .replace(new RegExp(`${start}(\\s*)([#>+-])`, "gm"), "$1\\$2")
    .replace(new RegExp(`${start}(\\s*\\d+)\\.`, "gm"), "$1\\.");
  return inert(escaped);
}

/** A name as it can sit inside <at>...</at> (and in the entity): no tag or markdown characters, one line, bounded. */
export function mentionName(displayName: string): string {
  const name = displayName
    .replace(/[<>\\`*_~[\]]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100)
    .trim();
  return name ? inert(name) : "someone";
}

export interface MentionEntity {
  type: "mention";
  text: string;
  mentioned: { id: string; name: string };
}

/** Collects the people a card mentions; `at` returns the text to place, `entities` what Teams needs to notify them. */
export class Mentions {
  private readonly byText = new Map<string, MentionEntity>();

  at(person: PersonRef): string {
    const name = mentionName(person.displayName);
    const text = `<at>${name}</at>`;
    const known = this.byText.get(text);
    // Two people sharing a display name: the second is written without a mention rather than notifying the wrong one.
    if (known && known.mentioned.id !== person.platformUserId) return `**${name}**`;
    this.byText.set(text, { type: "mention", text, mentioned: { id: person.platformUserId, name } });
    return text;
  }

  /** The entities whose text is still in the card (a truncated card may have lost some). */
  entities(serializedBody: string): MentionEntity[] {
    return [...this.byText.values()].filter((e) => serializedBody.includes(JSON.stringify(e.text).slice(1, -1)));
  }
}

/** A reference that is a web address becomes a markdown link; anything else is escaped text. */
export function referenceText(reference: string, max = 250): string {
  if (/^https?:\/\/\S+$/.test(reference) && URL.canParse(reference)) {
    const href = encodeURI(decodeURIComponentSafe(reference)).replace(/[()[\]<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const shown = reference.length > 60 ? `${reference.slice(0, 59)}…` : reference;
    return `[${escapeText(shown)}](${href})`;
  }
  return escapeText(reference.length > max ? `${reference.slice(0, max - 1)}…` : reference);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** Plain fallback text (notifications): no markdown, markup inert, bounded. */
export function plainText(text: string, max = 1000): string {
  const safe = inert(text);
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}
