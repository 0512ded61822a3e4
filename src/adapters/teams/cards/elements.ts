// Small Adaptive Card builders the converters share, and the one place a card is finished: schema, version, mention
// entities and the size budget.
import { CARD_BUDGET_BYTES, cardBytes, fitCard } from "./limits.js";
import type { Mentions } from "./text.js";

export type Element = Record<string, unknown>;
export type AdaptiveCardJson = Record<string, unknown> & { type: "AdaptiveCard"; body: Element[] };

export const SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
export const CARD_VERSION = "1.5";
export const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export const text = (value: string, opts: Element = {}): Element => ({ type: "TextBlock", text: value, wrap: true, ...opts });
export const heading = (value: string): Element => text(value, { weight: "Bolder", size: "Medium" });
/** Secondary detail, as Slack's context block. */
export const note = (value: string): Element => text(value, { isSubtle: true, size: "Small", spacing: "Small" });
export const attention = (value: string): Element => text(value, { color: "Attention", size: "Small", spacing: "None" });
export const facts = (rows: Array<{ title: string; value: string }>): Element => ({ type: "FactSet", facts: rows });
export const actionSet = (actions: Element[]): Element => ({ type: "ActionSet", actions });
export const container = (items: Element[], opts: Element = {}): Element => ({ type: "Container", items, ...opts });

/** A bare card (dialog forms, nested ShowCard cards): schema and version, no mentions. */
export function bareCard(body: Element[], actions: Element[] = []): AdaptiveCardJson {
  return { type: "AdaptiveCard", $schema: SCHEMA, version: CARD_VERSION, body, ...(actions.length ? { actions } : {}) };
}

/** A message card: full width, the mention entities of the people it names, within the size budget. */
export function messageCard(body: Element[], actions: Element[], mentions: Mentions): AdaptiveCardJson {
  let budget = CARD_BUDGET_BYTES;
  for (;;) {
    const card = fitCard(bareCard(structuredClone(body), actions), budget);
    const entities = mentions.entities(JSON.stringify(card.body));
    const done: AdaptiveCardJson = { ...card, msteams: { width: "Full", ...(entities.length ? { entities } : {}) } };
    const over = cardBytes(done) - CARD_BUDGET_BYTES;
    if (over <= 0 || budget < 2000) return done;
    budget -= over;
  }
}
