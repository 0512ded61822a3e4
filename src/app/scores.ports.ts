// The store of quick scores.
import type { NewQuickScore, QuickScoreRecord } from "../domain/records.js";
import type { OutboxEntry } from "./outbox-messages.js";
import type { ReviewRescore } from "./reviews.ports.js";

export interface ScoreStore {
  findByRequestKey(requestKey: string): Promise<QuickScoreRecord | null>;
  /**
   * Stores the score in one transaction with its messages and audit entry; an earlier current score of the same
   * agent and reference is superseded (kept, pointing at this one). Returns the score and the one it replaced.
   * With `review` (a rescore), the open review is marked rescored in the same transaction, its messages and audit
   * entry with it; ReviewAlreadyDecided is thrown (nothing written) when it is no longer open.
   */
  record(
    data: NewQuickScore,
    messagesFor: (score: QuickScoreRecord) => OutboxEntry[],
    actor: string,
    review?: ReviewRescore,
  ): Promise<{ score: QuickScoreRecord; superseded: QuickScoreRecord | null }>;
}
