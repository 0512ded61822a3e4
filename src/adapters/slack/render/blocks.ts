// Small Block Kit builders the renderers share; text is truncated to the limit of the element it goes into.
import { LIMITS, truncate } from "./limits.js";

export const plain = (text: string) => ({ type: "plain_text", text });
export const option = (value: string, text: string) => ({ value, text: plain(text) });
export const header = (text: string) => ({ type: "header", text: plain(text) });
export const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text: truncate(text, LIMITS.sectionText) } });
export const context = (text: string) => ({ type: "context", elements: [{ type: "mrkdwn", text: truncate(text, LIMITS.contextElementText) }] });

/** The modal a successful form submission turns into: a title, what happened, and Done. */
export function doneModal(title: string, text: string) {
  return {
    type: "modal" as const,
    title: { type: "plain_text" as const, text: title },
    close: { type: "plain_text" as const, text: "Done" },
    blocks: [section(text)],
  };
}
