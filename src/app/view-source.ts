// Builds the view an outbox message names from the current state of its subject, so a delivery that was delayed
// (or an update after a second) shows what is true now.
import { type AttendancePostFacts, attendancePostView } from "../views/attendance.js";
import { channelsLostView } from "../views/channels-lost.js";
import type { DigestView } from "../views/digest.js";
import { type NominationFacts, nominationPostView, nomineeDmView } from "../views/nomination.js";
import { type LedgerDmFacts, ledgerDmView, type PtoRequestFacts, ptoOutcomeDmView, ptoRequestPostView } from "../views/pto.js";
import { type ScoreFacts, scoreDmView } from "../views/score.js";
import type { OutboxPayload, ViewSource } from "./ports.js";

export interface ViewFacts {
  nomination(id: string): Promise<NominationFacts | null>;
  score(id: string): Promise<ScoreFacts | null>;
  ledgerEntry(entryKey: string): Promise<LedgerDmFacts | null>;
  ptoRequest(id: string): Promise<PtoRequestFacts | null>;
  attendancePost(workspaceId: string, date: string, closed: { start: string; end: string } | null): Promise<AttendancePostFacts | null>;
  /** The digest delivered on `day`, built now; null when the workspace is gone. */
  digest(workspaceId: string, day: string, closePending: boolean): Promise<DigestView | null>;
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
        case "pto.ledger_dm": {
          const f = await facts.ledgerEntry(String(payload.entryKey));
          return f && ledgerDmView(f);
        }
        case "pto.request": {
          const f = await facts.ptoRequest(String(payload.requestId));
          return f && ptoRequestPostView(f);
        }
        case "pto.outcome": {
          const f = await facts.ptoRequest(String(payload.requestId));
          return f && f.status !== "pending" ? ptoOutcomeDmView(f) : null;
        }
        case "attendance.post": {
          const closed = (payload.closed as { start: string; end: string } | null) ?? null;
          const f = await facts.attendancePost(String(payload.workspaceId), String(payload.date), closed);
          return f && attendancePostView(f);
        }
        case "digest":
          return facts.digest(String(payload.workspaceId), String(payload.day), payload.closePending === true);
        case "channels.lost":
          return channelsLostView(stringsOf(payload.channels), stringsOf(payload.cleared));
        default:
          throw new Error(`unknown outbox view "${payload.view}"`);
      }
    },
  };
}

const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
