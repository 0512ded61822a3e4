// Builds the view an outbox message names from the current state of its subject, so a delivery that was delayed
// (or an update after a second) shows what is true now.
import { type NominationFacts, nominationPostView, nomineeDmView } from "../views/nomination.js";
import { type ScoreFacts, scoreDmView } from "../views/score.js";
import type { OutboxPayload, ViewSource } from "./ports.js";

export interface ViewFacts {
  nomination(id: string): Promise<NominationFacts | null>;
  score(id: string): Promise<ScoreFacts | null>;
}

export function createViewSource(facts: ViewFacts): ViewSource {
  return {
    async build(payload: OutboxPayload) {
      switch (payload.view) {
        case "nomination.post": {
          const n = await facts.nomination(String(payload.nominationId));
          return n && nominationPostView(n);
        }
        case "nomination.nominee_dm": {
          const n = await facts.nomination(String(payload.nominationId));
          return n && n.status === "active" ? nomineeDmView(n) : null;
        }
        case "score.agent_dm": {
          const s = await facts.score(String(payload.scoreId));
          return s && scoreDmView(s);
        }
        default:
          throw new Error(`unknown outbox view "${payload.view}"`);
      }
    },
  };
}
