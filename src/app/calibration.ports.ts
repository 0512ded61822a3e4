// The store of blind calibrations (PRODUCT.md §9) and their participants' seats.
import type { ScoreAnswers, ScoreWeights } from "../domain/scorecard.js";
import type { OutboxEntry } from "./outbox-messages.js";

export interface CalibrationRecord {
  id: string;
  workspaceId: string;
  agentId: string;
  startedById: string;
  reference: string;
  deadline: Date;
  revealedAt: Date | null;
  createdAt: Date;
  /** Every lead taking part (the one who started it included), with their answers once they scored (null: not yet). */
  participants: Array<{ memberId: string; platformUserId: string; scoredAt: Date | null; answers: ScoreAnswers | null; note: string | null }>;
}

export interface NewCalibration {
  workspaceId: string;
  agentId: string;
  startedById: string;
  reference: string;
  deadline: Date;
  createdAt: Date;
  requestKey: string | null;
  participantIds: string[];
}

export interface CalibrationScore {
  calibrationId: string;
  memberId: string;
  answers: ScoreAnswers;
  weights: ScoreWeights;
  score: number;
  note: string | null;
  at: Date;
}

export type ScoredCalibration =
  /** Revealed already (by the last score or the deadline), or past its deadline: nothing was stored. */
  { status: "closed" } | { status: "not_participant" } | { status: "scored"; scored: number; of: number; revealed: boolean; replaced: boolean };

export interface CalibrationStore {
  find(id: string): Promise<CalibrationRecord | null>;
  findByRequestKey(requestKey: string): Promise<CalibrationRecord | null>;
  /** The calibration, its seats, the invitations and the audit entry, in one transaction. */
  start(data: NewCalibration, messagesFor: (c: CalibrationRecord) => OutboxEntry[], actor: string): Promise<CalibrationRecord>;
  /**
   * Stores (or replaces) one lead's answers while the calibration is open, with the audit entry; when that was the
   * last seat to score, reveals it in the same transaction (`revealedAt`, the comparison DMs, the audit entry).
   */
  score(input: CalibrationScore, revealMessages: (c: CalibrationRecord) => OutboxEntry[], actor: string): Promise<ScoredCalibration>;
  /** Ids of calibrations past their deadline and not revealed yet. */
  dueForReveal(now: Date, limit: number): Promise<string[]>;
  /**
   * Reveals one calibration if nobody did yet (a conditional update, so two replicas never both reveal it), with its
   * DMs and audit entry in one transaction. False when it was revealed already.
   */
  reveal(id: string, at: Date, revealMessages: (c: CalibrationRecord) => OutboxEntry[]): Promise<boolean>;
}
