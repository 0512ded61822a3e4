// PTO views, platform-neutral: the private /pto page, a paid-day request as leads see it, the agent's outcome DM
// and the DM for every ledger change (accrual, late credit, reversal).
import type { PeriodKind } from "../domain/period.js";
import type { PtoBalance } from "../domain/pto.js";
import type { PersonRef } from "./nomination.js";

/** How an attendance period is named in sentences: "the week from 2026-03-02". */
export const PERIOD_NAME: Record<PeriodKind, string> = { week: "week", "two-week": "two-week period", month: "month" };

export interface LedgerLine {
  hours: number;
  kind: "credit" | "redemption" | "reversal" | "correction" | "adjustment";
  reason: string;
  at: Date;
}

export interface PtoFacts {
  member: PersonRef;
  balance: PtoBalance;
  hoursPerPaidDay: number;
  streak: number;
  pointsThisPeriod: number;
  period: { kind: "week" | "two-week" | "month"; start: string; end: string };
  daysLeft: number;
  ledger: LedgerLine[];
  pending: Array<{ requestId: string; date: string; hours: number }>;
}

export interface PtoView extends PtoFacts {
  kind: "pto";
  /** The member's own page (offers requests and cancellations) or a lead looking at it. */
  own: boolean;
  canRequest: boolean;
}

export type PtoRequestStatus = "pending" | "approved" | "declined" | "cancelled";

export interface PtoRequestFacts {
  requestId: string;
  member: PersonRef;
  date: string;
  hours: number;
  note: string | null;
  status: PtoRequestStatus;
  decidedBy: PersonRef | null;
  /** The requester's balance now, so the lead decides knowing it. */
  balance: PtoBalance;
}

/** The request post in the leads channel or a lead's DM; Approve/Decline while pending. */
export interface PtoRequestPostView extends PtoRequestFacts {
  kind: "pto.request";
}

/** The agent's DM when a lead decided. */
export interface PtoOutcomeDmView extends PtoRequestFacts {
  kind: "pto.outcome";
}

export interface LedgerDmFacts {
  member: PersonRef;
  entry: LedgerLine;
  /** The period's streak after the change, for credits. */
  streak: number | null;
  balance: PtoBalance;
  hoursPerPaidDay: number;
}

export interface LedgerDmView extends LedgerDmFacts {
  kind: "pto.ledger_dm";
}

export const ptoView = (facts: PtoFacts, own: boolean, canRequest: boolean): PtoView => ({ kind: "pto", ...facts, own, canRequest: own && canRequest });
export const ptoRequestPostView = (f: PtoRequestFacts): PtoRequestPostView => ({ kind: "pto.request", ...f });
export const ptoOutcomeDmView = (f: PtoRequestFacts): PtoOutcomeDmView => ({ kind: "pto.outcome", ...f });
export const ledgerDmView = (f: LedgerDmFacts): LedgerDmView => ({ kind: "pto.ledger_dm", ...f });
