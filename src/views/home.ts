// The member's own page (Slack App Home) and `/wowbot stats`: PTO, recognition received, quick-score results and the
// member's service level and idle chats over 7 days.
import type { PersonRef } from "./nomination.js";
import type { PtoFacts } from "./pto.js";

export interface HomeFacts {
  member: PersonRef;
  recentWows: Array<{ nominationId: string; from: PersonRef; story: string; reference: string | null; seconds: number; at: Date }>;
  wowsLast30Days: number;
  secondsLast30Days: number;
  scoresLast30Days: { count: number; average: number | null; metGoal: number };
  latestNotes: Array<{ scorer: PersonRef; reference: string; score: number; note: string; at: Date }>;
  goal: number;
}

/** The member's own service level (PRODUCT.md §4, §6): shown only to them and to leads. */
export interface ServiceLevelFacts {
  /** The local dates covered, both included: the 7 days ending today. */
  from: string;
  to: string;
  /** Days in the window with a service-level row. */
  days: number;
  customerFacingSeconds: number;
  availableSeconds: number;
  /** Customer-facing share of available time in percent, one decimal; null without available time. */
  percent: number | null;
  /** The workspace's personal-service-level target, percent. */
  target: number;
  /** Chats closed in the window that the agent left open longer than the threshold after the customer left. */
  idleChats: { count: number; thresholdSeconds: number; longestSeconds: number | null };
}

export interface HomeView extends HomeFacts {
  kind: "home";
  pto: PtoFacts;
  serviceLevel: ServiceLevelFacts;
}

/** The same facts as a private message: the member's own (`own`) or, for a lead, someone else's. */
export interface StatsView extends Omit<HomeView, "kind"> {
  kind: "stats";
  own: boolean;
}

export const homeView = (facts: HomeFacts & { pto: PtoFacts; serviceLevel: ServiceLevelFacts }): HomeView => ({ kind: "home", ...facts });

export const statsView = (home: HomeView, own: boolean): StatsView => ({ ...home, kind: "stats", own });

export const serviceLevelPercent = (customerFacingSeconds: number, availableSeconds: number): number | null =>
  availableSeconds > 0 ? Math.round((customerFacingSeconds / availableSeconds) * 1000) / 10 : null;
