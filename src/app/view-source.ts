// Builds the view an outbox message names from the current state of its subject, so a delivery that was delayed
// (or an update after a second) shows what is true now.
import { type AttendancePostFacts, attendancePostView } from "../views/attendance.js";
import { type CalibrationFacts, calibrationInviteView, calibrationRevealView } from "../views/calibration.js";
import { candidateAgentDmView, candidateCardView, candidatePostView } from "../views/candidate.js";
import { channelsLostView } from "../views/channels-lost.js";
import type { DigestView } from "../views/digest.js";
import { type NominationFacts, nominationPostView, nomineeDmView } from "../views/nomination.js";
import { type LedgerDmFacts, ledgerDmView, type PtoRequestFacts, ptoOutcomeDmView, ptoRequestPostView } from "../views/pto.js";
import { type ReviewFacts, reviewOutcomeView, reviewRequestView } from "../views/review.js";
import { type ScoreFacts, scoreDmView } from "../views/score.js";
import type { CandidateDetail } from "./feedback.ports.js";
import type { ViewSource } from "./outbox.ports.js";
import type { OutboxMessage } from "./outbox-messages.js";

export interface ViewFacts {
  nomination(id: string): Promise<NominationFacts | null>;
  score(id: string): Promise<ScoreFacts | null>;
  calibration(id: string): Promise<CalibrationFacts | null>;
  review(id: string): Promise<ReviewFacts | null>;
  candidate(id: string): Promise<CandidateDetail | null>;
  ledgerEntry(entryKey: string): Promise<LedgerDmFacts | null>;
  ptoRequest(id: string): Promise<PtoRequestFacts | null>;
  attendancePost(workspaceId: string, date: string, closed: { start: string; end: string } | null): Promise<AttendancePostFacts | null>;
  /** The digest delivered on `day`, built now; null when the workspace is gone. */
  digest(workspaceId: string, day: string, closePending: boolean, teamId?: string): Promise<DigestView | null>;
}

export function createViewSource(facts: ViewFacts): ViewSource {
  return {
    async build(payload: OutboxMessage) {
      switch (payload.view) {
        case "nomination.post": {
          const n = await facts.nomination(payload.nominationId);
          return n && nominationPostView(n);
        }
        case "nomination.nominee_dm": {
          const n = await facts.nomination(payload.nominationId);
          return n && n.status === "active" ? nomineeDmView(n) : null;
        }
        case "score.agent_dm": {
          const s = await facts.score(payload.scoreId);
          return s && scoreDmView(s);
        }
        case "review.request": {
          const r = await facts.review(payload.reviewId);
          return r && reviewRequestView(r);
        }
        case "review.outcome": {
          const r = await facts.review(payload.reviewId);
          return r && r.status !== "open" ? reviewOutcomeView(r) : null;
        }
        case "candidate.card": {
          const c = await facts.candidate(payload.candidateId);
          return c && candidateCardView(c);
        }
        case "candidate.post": {
          const c = await facts.candidate(payload.candidateId);
          return c && c.status === "recognised" ? candidatePostView(c) : null;
        }
        case "candidate.agent_dm": {
          const c = await facts.candidate(payload.candidateId);
          return c && c.status === "recognised" ? candidateAgentDmView(c) : null;
        }
        case "pto.ledger_dm": {
          const f = await facts.ledgerEntry(payload.entryKey);
          return f && ledgerDmView(f);
        }
        case "pto.request": {
          const f = await facts.ptoRequest(payload.requestId);
          return f && ptoRequestPostView(f);
        }
        case "pto.outcome": {
          const f = await facts.ptoRequest(payload.requestId);
          return f && f.status !== "pending" ? ptoOutcomeDmView(f) : null;
        }
        case "attendance.post": {
          const f = await facts.attendancePost(payload.workspaceId, payload.date, payload.closed);
          return f && attendancePostView(f);
        }
        case "digest":
          return facts.digest(payload.workspaceId, payload.day, payload.closePending === true, payload.teamId);
        case "calibration.invite": {
          // Once revealed, an invitation not yet delivered has nothing left to ask.
          const f = await facts.calibration(payload.calibrationId);
          return f && !f.revealedAt ? calibrationInviteView(f) : null;
        }
        case "calibration.reveal": {
          const f = await facts.calibration(payload.calibrationId);
          return f?.revealedAt ? calibrationRevealView(f) : null;
        }
        case "channels.lost":
          return channelsLostView(payload.channels, payload.cleared);
        default: {
          // Only a message written by another version of wowbot can get here.
          const unknown: never = payload;
          throw new Error(`unknown outbox view "${(unknown as { view: string }).view}"`);
        }
      }
    },
  };
}
