// Offline Adaptive Card check: adaptivecards' parse + validateProperties, every parse warning and validation failure
// as a readable line (unknown element or action types, duplicate ids, empty collections, bad property values).
import * as AC from "adaptivecards";

/**
 * One known gap: this library only knows `choices.data` (Teams' directory-backed people picker) from schema 1.6, so a
 * 1.5 picker without static choices is reported as empty; that one failure is waived when the picker has a Data.Query.
 */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const raw = card as Record<string, unknown>;
  if (raw.type !== "AdaptiveCard") problems.push("not an AdaptiveCard");
  if (raw.version !== "1.5") problems.push(`version ${String(raw.version)}`);
  if (raw.$schema !== "http://adaptivecards.io/schemas/adaptive-card.json") problems.push("missing $schema");
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  const dynamicPickers = new Set(pickerIds(card));
  for (const event of parsed.validateProperties().validationEvents) {
    const id = (event.source as { id?: string } | undefined)?.id;
    if (event.event === AC.ValidationEvent.CollectionCantBeEmpty && id && dynamicPickers.has(id)) continue;
    problems.push(`validate: ${AC.ValidationEvent[event.event]} ${event.message}`);
  }
  return problems;
}

function pickerIds(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) pickerIds(n, out);
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    const query = o["choices.data"] as { type?: string } | undefined;
    if (o.type === "Input.ChoiceSet" && query?.type === "Data.Query" && typeof o.id === "string") out.push(o.id);
    for (const v of Object.values(o)) pickerIds(v, out);
  }
  return out;
}

/** Every element of a given type anywhere in a card (body, columns, containers, action sets, show cards). */
export function findAll(node: unknown, type: string, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(node)) for (const n of node) findAll(n, type, out);
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o.type === type) out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== "msteams") findAll(v, type, out);
  }
  return out;
}

/** All visible text of a card (TextBlocks, facts, action titles, input labels), joined by newlines. */
export function visibleText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      for (const k of ["text", "title", "value", "label"] as const) if (typeof o[k] === "string") parts.push(o[k] as string);
      for (const [k, v] of Object.entries(o)) if (k !== "msteams" && k !== "data") walk(v);
    }
  };
  walk(card);
  return parts.join("\n");
}
