// What a view becomes on Teams: an Adaptive Card and the plain text that goes with it.
export interface TeamsMessage {
  /** Plain fallback summary: no markdown, markup made inert. Use as the activity's summary or a text-only reply. */
  text: string;
  /** An Adaptive Card (schema 1.5), or null for text-only messages. */
  card: Record<string, unknown> | null;
}
