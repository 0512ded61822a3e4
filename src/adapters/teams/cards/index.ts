// Any neutral view as a Teams message: an Adaptive Card plus a plain-text fallback (notifications, search).
// Placeholder until the card renderers land: text only.
import type { View } from "../../../views/index.js";

export interface TeamsMessage {
  text: string;
  /** An Adaptive Card (schema 1.5), or null for text-only messages. */
  card: Record<string, unknown> | null;
}

export function renderCard(view: View): TeamsMessage {
  return { text: view.kind === "notice" ? view.text : `wowbot: ${view.kind}`, card: null };
}
