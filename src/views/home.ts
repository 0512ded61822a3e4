// The member's own page (Slack App Home; `/wowbot stats` later): recognition received and quick-score results.
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

export interface HomeView extends HomeFacts {
  kind: "home";
  pto: PtoFacts;
}

export const homeView = (facts: HomeFacts & { pto: PtoFacts }): HomeView => ({ kind: "home", ...facts });
