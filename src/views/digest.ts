// The daily lead digest (PRODUCT.md §4), platform-neutral: the figures of the days since the previous digest's, each
// list already capped (the total says how many more there are), so every message stays small whatever the size of the team.
import { formatHours, type OccurrenceType } from "../domain/attendance.js";
import type { Coverage } from "../domain/digest.js";
import { type FeedbackFigures, formatCsat, formatNps } from "../domain/feedback.js";
import { isoWeekday, type PeriodKind } from "../domain/period.js";
import { actions, bold, emoji, heading, line, list, type Message, note, part, person, type Text, t } from "./elements.js";
import type { PersonRef } from "./person.js";
import { decisionButtons, PERIOD_NAME } from "./pto.js";

/** A capped list: the first items and how many there are in all. */
export interface Capped<T> {
  total: number;
  items: T[];
}

/** One team in the workspace's digest. */
export interface TeamLine {
  name: string;
  /** Its leads' names, or null when it has none. */
  leads: string | null;
  agents: number;
  /** Agents at zero points in the current period. */
  zero: number;
  nominations: number;
  scores: number;
  average: number | null;
  /** CSAT over the last 30 days, in percent; null without CSAT answers. */
  csat: number | null;
  pending: number;
}

export interface DigestFacts {
  workspaceName: string;
  /** The team a team's digest is for; null for the workspace's digest. */
  team: string | null;
  /** The workspace's digest: one line per team (none before teams exist, and in a team's digest). */
  teams: Capped<TeamLine>;
  /** The local date the digest is delivered on. */
  day: string;
  /** The local dates the figures describe, both included: the days since those the previous digest covered. */
  covered: Coverage;
  /** Workdays whose digest never ran since the last one (service down all day); the first few dates and the count. */
  missed: Capped<string>;
  recognition: {
    nominations: number;
    top: Array<{ nominee: PersonRef; nominator: PersonRef; story: string; seconds: number }>;
    /** Active members nobody nominated in the last NOT_NOMINATED_DAYS days. */
    notNominated: Capped<PersonRef>;
    notNominatedDays: number;
  };
  quality: {
    scores: number;
    /** Mean score, or null without scores. */
    average: number | null;
    metGoal: number;
    goal: number;
    lowest: Array<{ agent: PersonRef; scorer: PersonRef; score: number; reference: string }>;
    /** The customer's voice beside the quick scores, over the last `lastDays` days. */
    lastDays: number;
    recentScores: { count: number; average: number | null };
    feedback: FeedbackFigures;
    /** Interactions where the quick score and the customer's CSAT disagree. */
    lookAgain: Capped<{ agent: PersonRef; reference: string; score: number; csat: number }>;
    /** Customer-voiced wow candidates nobody decided yet (never their comments: a digest may reach other teams' leads). */
    candidates: Capped<{ agent: PersonRef; expires: string }>;
    /** Reviews agents asked for that no lead decided yet. */
    reviews: Capped<{ agent: PersonRef; scorer: PersonRef; score: number; reference: string }>;
  };
  attendance: {
    occurrences: Capped<{ person: PersonRef; type: OccurrenceType; date: string }>;
    /** The period containing the last covered day. */
    period: { kind: PeriodKind; start: string; end: string };
    riskThreshold: number;
    atRisk: Capped<{ person: PersonRef; points: number }>;
    zeroPoints: number;
    eligible: number;
    /** Periods closed on the digest day (the close runs just before the digest). */
    closes: Array<{ start: string; end: string; evaluated: number; clean: number; hours: number }>;
  };
  pto: {
    /** Hours credited to the ledger on the covered days. */
    hoursCredited: number;
    pending: Capped<{ requestId: string; person: PersonRef; date: string; hours: number }>;
  };
  serviceLevel: {
    /** Members with a service-level row for a covered day. */
    reporting: number;
    /** Team percentage (sum customer-facing / sum available), or null without available time. */
    team: number | null;
    target: number;
    below: Capped<{ person: PersonRef; percent: number }>;
  };
  idleChats: {
    thresholdSeconds: number;
    sessions: number;
    /** Per agent: sessions left idle, how many of them are still open, and the longest idle time. */
    byAgent: Capped<{ person: PersonRef; sessions: number; open: number; longestSeconds: number }>;
  };
}

export interface DigestView extends DigestFacts {
  kind: "digest";
  /** A private preview (/wowbot digest) rather than the delivered digest. */
  preview: boolean;
  /** Sent before the day's period close finished (it kept failing): its results may be missing. */
  closePending: boolean;
}

export const digestView = (facts: DigestFacts, options: { preview?: boolean; closePending?: boolean } = {}): DigestView => ({
  kind: "digest",
  ...facts,
  preview: options.preview ?? false,
  closePending: options.closePending ?? false,
});

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const WEEKDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const dayName = (date: string) => `${WEEKDAY[isoWeekday(date) - 1]} ${date}`;
/** "2026-03-13" for one day; "Friday 2026-03-13 to Sunday 2026-03-15" for several. */
export const coverageName = (c: Coverage) => (c.from === c.to ? c.from : `${dayName(c.from)} to ${dayName(c.to)}`);
/** "on 2026-03-13", or "from Friday 2026-03-13 to Sunday 2026-03-15". */
const during = (c: Coverage) => (c.from === c.to ? `on ${c.from}` : `from ${coverageName(c)}`);
export const percent = (value: number) => `${Math.round(value * 10) / 10} %`;
/** "8 min 20 s", "2 min", "23 h 59 min": whole units, zero parts left out. */
export function duration(total: number): string {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = Math.floor(total % 60);
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return sec > 0 ? `${m} min ${sec} s` : `${m} min`;
  return `${sec} s`;
}
const TYPE_NAME = { absence: "absence", late: "late arrival", excused: "excused absence" } as const;

export interface DigestSection {
  id: "teams" | "recognition" | "quality" | "attendance" | "pto" | "serviceLevel" | "idleChats";
  title: string;
  /** Lines to show; an empty section has exactly one line saying so. */
  lines: Text[];
}

const more = (list: Capped<unknown>) => (list.total > list.items.length ? ` and ${list.total - list.items.length} more` : "");
/** Items of a line separated by `sep`. */
const joined = <T>(items: T[], each: (item: T) => Text, sep = ", "): Text => items.flatMap((x, i) => (i ? [sep, ...each(x)] : each(x)));
const names = (list: Capped<PersonRef>) => t`${joined(list.items, (p) => [person(p)])}${more(list)}`;
/** A person's words on one line, cut to `max` characters. */
const words = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The digest's sections as lines, shared by Slack, Teams and the terminal so they all say the same thing. */
export function digestSections(v: DigestFacts & { closePending?: boolean }): DigestSection[] {
  const r = v.recognition;
  const recognition: Text[] = [];
  if (r.nominations === 0) recognition.push(t`No nominations ${during(v.covered)}.`);
  else {
    recognition.push(t`${bold(plural(r.nominations, "nomination"))} ${during(v.covered)}. Top stories by seconds:`);
    for (const top of r.top) {
      recognition.push(t`• ${person(top.nominee)} (by ${person(top.nominator)}, ${plural(top.seconds, "second")}): ${words(top.story, 120)}`);
    }
  }
  if (r.notNominated.total > 0) {
    recognition.push(t`Not nominated in ${r.notNominatedDays} days (${r.notNominated.total}): ${names(r.notNominated)}.`);
  }

  const q = v.quality;
  const quality =
    q.scores === 0
      ? [t`No quick scores ${during(v.covered)}.`]
      : [
          t`${bold(plural(q.scores, "quick score"))} ${during(v.covered)}, average ${bold(String(Math.round((q.average ?? 0) * 10) / 10))}, ${bold(percent((100 * q.metGoal) / q.scores))} at or above the goal of ${q.goal} (${q.metGoal} of ${q.scores}).`,
          t`Lowest: ${joined(q.lowest, (l) => t`${person(l.agent)} ${l.score} (${words(l.reference, 60)}, by ${person(l.scorer)})`, "; ")}.`,
        ];
  quality.push(...customerVoice(q));

  const a = v.attendance;
  const attendance: Text[] = [];
  const periodName = `${PERIOD_NAME[a.period.kind]} from ${a.period.start}`;
  if (a.occurrences.total === 0 && a.atRisk.total === 0 && a.closes.length === 0) {
    attendance.push(
      t`No occurrences ${during(v.covered)} and nobody at ${a.riskThreshold}+ points; ${a.zeroPoints} of ${a.eligible} at zero points in the ${periodName}.`,
    );
  } else {
    const oneDay = v.covered.from === v.covered.to;
    attendance.push(
      a.occurrences.total === 0
        ? t`No occurrences ${during(v.covered)}.`
        : t`${bold(plural(a.occurrences.total, "occurrence"))} ${during(v.covered)}: ${joined(a.occurrences.items, (o) => t`${person(o.person)} (${TYPE_NAME[o.type]}${oneDay ? "" : `, ${dayName(o.date)}`})`)}${more(a.occurrences)}.`,
    );
    attendance.push(
      a.atRisk.total === 0
        ? t`Nobody is at ${a.riskThreshold} points or more in the ${periodName}.`
        : t`${bold(`${a.atRisk.total} at ${a.riskThreshold}+ points`)} in the ${periodName}: ${joined(a.atRisk.items, (m) => t`${person(m.person)} (${m.points})`)}${more(a.atRisk)}.`,
    );
    attendance.push(t`${bold(`${a.zeroPoints} of ${a.eligible}`)} at zero points in the ${periodName}.`);
    for (const c of a.closes) {
      attendance.push(t`Period ${c.start} to ${c.end} closed today: ${c.clean} of ${c.evaluated} clean, ${formatHours(c.hours)} credited.`);
    }
  }
  if (v.closePending) {
    attendance.push(t`Today's attendance run (period closes) had not finished when this digest was sent, so its results may be missing here.`);
  }

  const p = v.pto;
  const pto: Text[] = [];
  if (p.hoursCredited === 0 && p.pending.total === 0) pto.push(t`No PTO credited ${during(v.covered)} and no paid-day requests waiting.`);
  else {
    pto.push(t`${bold(formatHours(p.hoursCredited))} credited ${during(v.covered)}.`);
    pto.push(p.pending.total === 0 ? t`No paid-day requests waiting.` : t`${bold(plural(p.pending.total, "paid-day request"))} waiting for a decision:`);
  }

  const s = v.serviceLevel;
  const serviceLevel =
    s.reporting === 0
      ? [t`No service-level data ${v.covered.from === v.covered.to ? `for ${v.covered.from}` : during(v.covered)}.`]
      : [
          t`Team: ${bold(s.team === null ? "no available time" : percent(s.team))} (target ${s.target} %, ${plural(s.reporting, "member")} reporting).`,
          s.below.total === 0
            ? t`Nobody below the target.`
            : t`Below target (${s.below.total}): ${joined(s.below.items, (b) => t`${person(b.person)} ${percent(b.percent)}`)}${more(s.below)}.`,
        ];

  const i = v.idleChats;
  const idleChats =
    i.sessions === 0
      ? [t`No chats left idle over ${duration(i.thresholdSeconds)} ${during(v.covered)}.`]
      : [
          t`${bold(plural(i.sessions, "chat"))} left idle over ${duration(i.thresholdSeconds)} after the customer left, by ${plural(i.byAgent.total, "agent")}:`,
          t`${joined(i.byAgent.items, (b) => t`${person(b.person)} ${b.sessions} (longest ${duration(b.longestSeconds)}${b.open ? `, ${b.open} still open` : ""})`)}${more(i.byAgent)}.`,
        ];

  const teams: DigestSection[] = v.teams.total
    ? [{ id: "teams", title: "Teams", lines: [...v.teams.items.map(teamLine), ...(more(v.teams) ? [t`…${more(v.teams).trim()} teams.`] : [])] }]
    : [];
  return [
    ...teams,
    { id: "recognition", title: "Recognition", lines: recognition },
    { id: "quality", title: "Quality", lines: quality },
    { id: "attendance", title: "Attendance", lines: attendance },
    { id: "pto", title: "PTO", lines: pto },
    { id: "serviceLevel", title: "Service level", lines: serviceLevel },
    { id: "idleChats", title: "Idle chats", lines: idleChats },
  ];
}

/** Quick scores and the customer's voice side by side, what they disagree on, and what waits for a lead's decision. */
function customerVoice(q: DigestFacts["quality"]): Text[] {
  const lines: Text[] = [];
  const r = q.recentScores;
  const scores = r.count ? `quick-score average ${Math.round((r.average ?? 0) * 10) / 10} (${plural(r.count, "score")})` : "no quick scores";
  const f = q.feedback;
  const csat = f.csatCount ? `CSAT ${formatCsat(f)} (${plural(f.csatCount, "rating")})` : "no CSAT ratings";
  const nps = f.npsCount ? `, NPS ${formatNps(f)} (${plural(f.npsCount, "answer")})` : "";
  lines.push(t`Last ${q.lastDays} days: ${scores} · ${csat}${nps}.`);
  if (q.lookAgain.total > 0) {
    lines.push(
      t`${emoji("warning")} Look again (${q.lookAgain.total}): ${joined(q.lookAgain.items, (l) => t`${person(l.agent)} ${words(l.reference, 60)}: score ${l.score}, CSAT ${l.csat}`, "; ")}${more(q.lookAgain)}.`,
    );
  }
  if (q.candidates.total > 0) {
    lines.push(
      t`${emoji("star2")} Customer wows to decide (${q.candidates.total}): ${joined(q.candidates.items, (c) => t`${person(c.agent)} (until ${c.expires})`)}${more(q.candidates)}. The cards quote the customers.`,
    );
  }
  if (q.reviews.total > 0) {
    lines.push(
      t`${emoji("grey_question")} Reviews asked for (${q.reviews.total}): ${joined(q.reviews.items, (r) => t`${person(r.agent)} ${r.score} for ${words(r.reference, 60)} (by ${person(r.scorer)})`, "; ")}${more(q.reviews)}.`,
    );
  }
  return lines;
}

/** The note for workdays whose digest never ran; null when none were missed. */
export function missedLine(missed: Capped<string>): string | null {
  if (missed.total === 0) return null;
  return `No digest was sent for ${plural(missed.total, "workday")} (${missed.items.join(", ")}${more(missed)}): the service was down all day.`;
}

export const digestTitle = (v: DigestFacts) => `${v.team ? `${v.team} digest` : "Lead digest"} for ${coverageName(v.covered)}`;

/** A team in the workspace digest: who leads it, its agents at zero points, its wows, scores and waiting requests. */
function teamLine(l: TeamLine): Text {
  const scores = l.scores ? `average score ${Math.round((l.average ?? 0) * 10) / 10} (${plural(l.scores, "score")})` : "no quick scores";
  const csat = l.csat === null ? "" : `, CSAT ${Math.round(l.csat)}% (30 days)`;
  return t`${bold(l.name)} (${l.leads ?? "no lead"}): ${l.zero} of ${plural(l.agents, "agent")} at zero points, ${plural(l.nominations, "nomination")}, ${scores}${csat}, ${plural(l.pending, "paid-day request")} waiting.`;
}

/** A paid-day request waiting in the digest: who, which day, how many hours. */
export const pendingLine = (r: DigestFacts["pto"]["pending"]["items"][number]) =>
  t`${person(r.person)}: paid day off on ${bold(r.date)} (${formatHours(r.hours)})`;

export function digestMessage(view: DigestView): Message {
  const missed = missedLine(view.missed);
  const parts = digestSections(view).map((s) => {
    // Team lines are one list: a workspace of many teams stays within every platform's block limits.
    const blocks = [heading([s.title]), ...(s.id === "teams" ? [list(s.lines)] : s.lines.map((l) => line(l)))];
    if (s.id === "pto") {
      for (const r of view.pto.pending.items) {
        blocks.push(line(pendingLine(r)), actions(...decisionButtons(r.requestId)));
      }
      const left = view.pto.pending.total - view.pto.pending.items.length;
      if (left > 0) blocks.push(note(t`…and ${left} more request${left === 1 ? "" : "s"}, each posted when it was made.`));
    }
    return part(...blocks);
  });
  return {
    summary: t`${digestTitle(view)} (${view.workspaceName})`,
    blocks: [
      heading([`${view.preview ? "Preview: " : ""}${digestTitle(view)}`], "large"),
      ...(missed ? [line(t`${emoji("warning")} ${missed}`, "warning")] : []),
      ...parts,
      ...(view.preview ? [note(t`Only you can see this preview. The digest goes out at digest time on workdays.`)] : []),
    ],
  };
}
