// Slack mrkdwn escaping: user text must never turn into mentions (<!channel>) or links it did not write.
import { truncate } from "./limits.js";

/** Escapes &, < and > as Slack requires, which also neutralises <!channel>, <!here> and <@U...> in user text. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A mention Slack renders as the person's current name. */
export const mention = (platformUserId: string) => `<@${platformUserId}>`;

/** Quotes each line, as Slack's "> " block quote. */
export const quote = (escaped: string) =>
  escaped
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");

/** A reference that is a web address becomes a link; anything else is shown as escaped text. */
export function referenceText(reference: string, max = 250): string {
  if (/^https?:\/\/\S+$/.test(reference) && URL.canParse(reference)) {
    const href = reference.replace(/[<>|]/g, (c) => encodeURIComponent(c));
    return `<${href}|${escapeText(reference.length > 60 ? `${reference.slice(0, 59)}…` : reference)}>`;
  }
  return truncate(escapeText(reference), max);
}
