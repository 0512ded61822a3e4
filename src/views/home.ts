// The member's own page (Slack App Home) and `/wowbot stats`: PTO, recognition received, quick-score results and the
// member's service level and idle chats over 7 days.
import { type FeedbackFigures, formatCsat, formatNps } from "../domain/feedback.js";
import { type Capped, duration } from "./digest.js";
import { type Block, bold, command, emoji, heading, line, type Message, note, part, person, quote, reference, type Text, t } from "./elements.js";
import type { PersonRef } from "./person.js";
import { attendanceLine, balanceLine, type PtoFacts } from "./pto.js";

export interface HomeFacts {
  member: PersonRef;
  recentWows: Array<{ nominationId: string; from: PersonRef; story: string; reference: string | null; seconds: number; at: Date }>;
  wowsLast30Days: number;
  secondsLast30Days: number;
  scoresLast30Days: { count: number; average: number | null; metGoal: number };
  /** CSAT and NPS of the customers' feedback on the member in the last 30 days, beside the quick scores. */
  feedbackLast30Days: FeedbackFigures;
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

/** A team its lead sees at a glance (PRODUCT.md §8): who is at risk, who waits for a decision, who goes unrecognised. */
export interface TeamGlance {
  name: string;
  agents: number;
  /** The points threshold and the period they count in. */
  riskThreshold: number;
  periodName: string;
  atRisk: Capped<{ person: PersonRef; points: number }>;
  pending: Capped<{ person: PersonRef; date: string }>;
  /** Agents nobody nominated in the last 30 days. */
  notRecognised: Capped<PersonRef>;
}

export interface HomeView extends HomeFacts {
  kind: "home";
  pto: PtoFacts;
  serviceLevel: ServiceLevelFacts;
  /** The teams the member leads (their own page only); empty for everyone else. */
  teams: TeamGlance[];
}

/** The same facts as a private message: the member's own (`own`) or, for a lead, someone else's. */
export interface StatsView extends Omit<HomeView, "kind"> {
  kind: "stats";
  own: boolean;
}

export const homeView = (facts: HomeFacts & { pto: PtoFacts; serviceLevel: ServiceLevelFacts; teams?: TeamGlance[] }): HomeView => ({
  kind: "home",
  ...facts,
  teams: facts.teams ?? [],
});

export const statsView = (home: HomeView, own: boolean): StatsView => ({ ...home, kind: "stats", own });

export const serviceLevelPercent = (customerFacingSeconds: number, availableSeconds: number): number | null =>
  availableSeconds > 0 ? Math.round((customerFacingSeconds / availableSeconds) * 1000) / 10 : null;

const day = (d: Date) => d.toISOString().slice(0, 10);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** Longest story, note and reference shown: a message holds far less than the Home tab. */
const CAPS = { home: { story: 1_000, note: 2_900, reference: 300 }, stats: { story: 500, note: 600, reference: 100 } } as const;

/** The service-level part: share of available time customer-facing against the target, and idle chats. */
function serviceLevelPart(sl: ServiceLevelFacts, who: Text): Block {
  const idle = sl.idleChats;
  const met = sl.percent !== null && sl.percent >= sl.target ? "at or above the target" : "below the target";
  return part(
    heading(t`Service level (last 7 days)`),
    sl.percent === null
      ? line(t`No service-level data in the last 7 days.`)
      : line(
          t`${emoji("telephone_receiver")} ${bold(`${sl.percent}%`)} of available time customer-facing (${duration(sl.customerFacingSeconds)} of ${duration(sl.availableSeconds)} over ${plural(sl.days, "day")}), ${met} of ${sl.target}%.`,
        ),
    idle.count === 0
      ? line(t`No chats left open more than ${duration(idle.thresholdSeconds)} after the customer left.`)
      : line(
          t`${emoji("hourglass")} ${bold(idle.count)} ${idle.count === 1 ? "chat" : "chats"} left open more than ${duration(idle.thresholdSeconds)} after the customer left (longest ${duration(idle.longestSeconds ?? 0)}).`,
        ),
    note(t`${sl.from} to ${sl.to}. Only ${who} and leads can see service-level and idle-chat figures.`),
  );
}

const more = (c: Capped<unknown>) => (c.total > c.items.length ? ` and ${c.total - c.items.length} more` : "");
const people = (items: PersonRef[]): Text => items.flatMap((p, i) => (i ? [", ", person(p)] : [person(p)]));

/** A led team at a glance: its agents, who is at risk, who waits for a decision, who nobody recognised lately. */
function teamPart(g: TeamGlance): Block {
  return part(
    heading(t`Your team: ${g.name}`),
    line(t`${plural(g.agents, "agent")}.`),
    line(
      g.atRisk.total === 0
        ? t`Nobody at ${g.riskThreshold}+ points this ${g.periodName}.`
        : t`${emoji("warning")} At ${g.riskThreshold}+ points this ${g.periodName} (${g.atRisk.total}): ${g.atRisk.items.flatMap((r, i) => [...(i ? [", "] : []), person(r.person), ` (${r.points})`])}${more(g.atRisk)}.`,
    ),
    line(
      g.pending.total === 0
        ? t`No paid-day requests waiting.`
        : t`${emoji("palm_tree")} Paid-day requests waiting (${g.pending.total}): ${g.pending.items.flatMap((r, i) => [...(i ? [", "] : []), person(r.person), ` on ${r.date}`])}${more(g.pending)}.`,
    ),
    line(
      g.notRecognised.total === 0
        ? t`Everyone was recognised in the last 30 days.`
        : t`${emoji("star2")} Not recognised in 30 days (${g.notRecognised.total}): ${people(g.notRecognised.items)}${more(g.notRecognised)}.`,
    ),
  );
}

/** The member's page: the App Home tab (their own) or `/wowbot stats` (theirs, or a lead looking at someone). */
export function homeMessage(view: HomeView | StatsView): Message {
  const own = view.kind === "home" || view.own;
  const caps = CAPS[view.kind];
  const member = person(view.member);
  const s = view.scoresLast30Days;
  const wows: Block[] = [
    heading(t`${own ? "Your wow moments" : "Wow moments"}`),
    line(
      t`${emoji("star2")} ${bold(view.wowsLast30Days)} ${view.wowsLast30Days === 1 ? "wow nomination" : "wow nominations"} and ${bold(view.secondsLast30Days)} ${view.secondsLast30Days === 1 ? "second" : "seconds"} in the last 30 days.`,
    ),
  ];
  if (view.recentWows.length === 0) wows.push(note(t`No nominations yet. They'll show up here.`));
  for (const w of view.recentWows) {
    wows.push(
      line(t`From ${person(w.from)} on ${day(w.at)}:`),
      quote(w.story, caps.story),
      note(t`${plural(w.seconds, "second")}${w.reference ? t`  ·  ${reference(w.reference, caps.reference)}` : []}`),
    );
  }
  const f = view.feedbackLast30Days;
  const scores: Block[] = [
    heading(t`Quick scores and customer feedback`),
    line(
      s.count === 0
        ? t`No scored interactions in the last 30 days.`
        : t`${bold(s.average ?? 0)} average over ${plural(s.count, "scored interaction")} in the last 30 days; ${s.metGoal} met the goal of ${view.goal}.`,
    ),
    line(
      f.csatCount === 0 && f.npsCount === 0
        ? t`No customer feedback in the last 30 days.`
        : t`Customers: ${f.csatCount ? t`CSAT ${bold(formatCsat(f) ?? "")} (${plural(f.csatCount, "rating")})` : t`no CSAT ratings`}${f.npsCount ? t`, NPS ${bold(formatNps(f) ?? "")} (${plural(f.npsCount, "answer")})` : []} in the last 30 days.`,
    ),
  ];
  for (const n of view.latestNotes) {
    scores.push(
      line(t`${bold(`${n.score}/100`)} for ${reference(n.reference, caps.reference)} (${day(n.at)}), coaching from ${person(n.scorer)}:`),
      quote(n.note, caps.note),
    );
  }
  return {
    summary: own ? t`Your stats` : t`Stats for ${view.member.displayName}`,
    blocks: [
      heading(own ? t`Your PTO and attendance` : t`${member}'s PTO and attendance`),
      line(t`${emoji("palm_tree")} ${balanceLine(view.pto.balance, own ? "your" : "their")}`),
      line(attendanceLine(view.pto)),
      note(
        own
          ? t`Only you can see this. ${command("/pto")} shows your ledger and lets you request a paid day off.`
          : t`Only ${member} and leads can see this. ${command(`/pto @${view.member.displayName}`)} shows the ledger.`,
      ),
      ...(own ? view.teams.map(teamPart) : []),
      serviceLevelPart(view.serviceLevel, own ? t`you` : [member]),
      part(...wows),
      part(...scores),
    ],
  };
}
