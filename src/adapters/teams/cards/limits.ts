// Teams size limits: a message (card included) over about 28 KB is rejected, so every card stays under a byte budget,
// summarising lists upstream and, as a last guard, cutting long text blocks shorter.

/** Serialized card JSON stays under this many bytes (Teams rejects messages over about 28 KB; room for the envelope). */
export const CARD_BUDGET_BYTES = 26_000;

/** Rows a list shows before "and N more". */
export const LIST_ROWS = { occurrences: 15, ledger: 15, pending: 10, milestones: 40, perfect: 40 } as const;

export const cardBytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(card), "utf8");

/** Cuts text to at most `max` characters with "…", never splitting an <at>…</at> mention or a backslash escape. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const open = cut.lastIndexOf("<at>");
  if (open !== -1 && !cut.slice(open).includes("</at>")) cut = cut.slice(0, open);
  const link = cut.lastIndexOf("](");
  if (link !== -1 && !cut.slice(link).includes(")")) cut = cut.slice(0, cut.lastIndexOf("[", link));
  if (/(^|[^\\])(\\\\)*\\$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

type Json = Record<string, unknown>;

function textBlocks(node: unknown, out: Json[]): Json[] {
  if (Array.isArray(node)) for (const n of node) textBlocks(n, out);
  else if (node && typeof node === "object") {
    const o = node as Json;
    if (o.type === "TextBlock" && typeof o.text === "string") out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== "msteams") textBlocks(v, out);
  }
  return out;
}

/**
 * Shrinks a card in place until it fits the budget: text blocks are cut shorter and shorter. Lists are capped by the
 * views, so this only acts on extreme text. Returns the card.
 */
export function fitCard<T extends Json>(card: T, budget = CARD_BUDGET_BYTES): T {
  for (let max = 2000; cardBytes(card) > budget && max >= 60; max = Math.floor(max / 2)) {
    for (const block of textBlocks(card.body, [])) block.text = truncate(block.text as string, max);
  }
  const body = card.body as unknown[] | undefined;
  while (cardBytes(card) > budget && body && body.length > 1) body.splice(body.length - 1, 1);
  return card;
}
