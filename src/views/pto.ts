// PTO views, platform-neutral: the private /pto page, a paid-day request as leads see it, the agent's outcome DM
// and the DM for every ledger change (accrual, late credit, reversal).

import { formatHours } from "../domain/attendance.js";
import type { PeriodKind } from "../domain/period.js";
import type { PtoBalance } from "../domain/pto.js";
import { actions, type Block, type Button, bold, emoji, type Inline, item, line, type Message, note, person, quote, type Text, t } from "./elements.js";
import { type NoticeView, notice } from "./notice.js";
import type { PersonRef } from "./person.js";

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

const days = (n: number) => `${n} paid day${n === 1 ? "" : "s"}`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
/** Rows a list shows before "and N more" (a Teams card must stay under 28 KB, a Slack message under 50 blocks). */
const ROWS = { pending: 10, ledger: 15 } as const;

/** "*12 h*, 1 paid day: 4 h to your next paid day." (with held hours when requests are pending). */
export function balanceLine(b: PtoBalance, whose: "your" | "their" = "your"): Text {
  const held = b.reserved > 0 ? ` (${formatHours(b.reserved)} held by pending requests)` : "";
  return t`${bold(formatHours(b.balance))}, ${days(b.wholeDays)}${held}: ${formatHours(b.toNextDay)} to ${whose} next paid day.`;
}

/** Streak, points this period and days left: the /pto page and the stats page say it the same way. */
export function attendanceLine(f: Pick<PtoFacts, "streak" | "pointsThisPeriod" | "period" | "daysLeft">): Text {
  const streak = f.streak === 1 ? "1 clean period" : `${f.streak} clean periods`;
  const points = `${plural(f.pointsThisPeriod, "point")} this ${PERIOD_NAME[f.period.kind]}, ${plural(f.daysLeft, "day")} left`;
  return t`${emoji("panda_face")} Streak: ${bold(streak)} in a row. Attendance: ${bold(points)}.`;
}

export function ptoMessage(view: PtoView): Message {
  const whose = view.own ? t`Your` : t`${person(view.member)}'s`;
  const blocks: Block[] = [
    line(t`${emoji("palm_tree")} ${whose} PTO balance: ${balanceLine(view.balance, view.own ? "your" : "their")}`),
    line(attendanceLine(view)),
  ];
  for (const p of view.pending.slice(0, ROWS.pending)) {
    const waiting = t`${emoji("hourglass_flowing_sand")} Paid day off on ${bold(p.date)} (${formatHours(p.hours)}) is waiting for a lead.`;
    blocks.push(view.own ? item(waiting, { label: "Cancel request", action: { kind: "pto.cancel", requestId: p.requestId } }) : line(waiting));
  }
  const morePending = view.pending.length - ROWS.pending;
  if (morePending > 0) blocks.push(note(t`…and ${plural(morePending, "more pending request")}.`));
  if (view.canRequest) blocks.push(actions({ label: "Request a paid day off", action: { kind: "pto.request" }, style: "primary" }));
  else if (view.own) blocks.push(note(t`A paid day off takes ${formatHours(view.hoursPerPaidDay)} that no other request is holding.`));
  const rows = view.ledger.slice(0, ROWS.ledger);
  if (rows.length === 0) blocks.push(line([bold("Ledger")]), line(t`No entries yet: a clean period earns your first hours.`));
  else {
    blocks.push(line([bold(`Last ${rows.length} ledger entries`)]));
    for (const l of rows) blocks.push(line(t`${l.at.toISOString().slice(0, 10)}  ${l.hours > 0 ? "+" : ""}${formatHours(l.hours)}  ${l.kind}: ${l.reason}`));
    const older = view.ledger.length - rows.length;
    if (older > 0) blocks.push(note(t`…and ${older} older.`));
  }
  return { summary: t`${whose} PTO balance: ${formatHours(view.balance.balance)}`, blocks };
}

/** Approve and Decline for a pending paid-day request: on the request post and in the lead digest. */
export const decisionButtons = (requestId: string): Button[] => [
  { label: "Approve", action: { kind: "pto.approve", requestId }, style: "primary" },
  { label: "Decline", action: { kind: "pto.decline", requestId }, style: "danger" },
];

const STATUS_LINE = {
  approved: t`${emoji("white_check_mark")} Approved`,
  declined: t`${emoji("x")} Declined`,
  cancelled: t`${emoji("leftwards_arrow_with_hook")} Cancelled by the requester`,
} as const;

export function ptoRequestPostMessage(view: PtoRequestPostView): Message {
  const held = view.balance.reserved ? `, ${formatHours(view.balance.reserved)} held by pending requests` : "";
  const blocks: Block[] = [
    line(t`${emoji("palm_tree")} ${person(view.member)} asks for a paid day off on ${bold(view.date)} (${formatHours(view.hours)}).`),
    ...(view.note ? [quote(view.note)] : []),
    note(t`Balance ${formatHours(view.balance.balance)}${held}.`),
  ];
  if (view.status === "pending") blocks.push(actions(...decisionButtons(view.requestId)));
  else {
    const by = view.decidedBy && view.status !== "cancelled" ? t` by ${person(view.decidedBy)}` : [];
    blocks.push(note(t`${STATUS_LINE[view.status]}${by}.`));
  }
  return { summary: t`${person(view.member)} asks for a paid day off on ${view.date}`, blocks };
}

export function ptoOutcomeMessage(view: PtoOutcomeDmView): Message {
  const by = view.decidedBy ? t` by ${person(view.decidedBy)}` : [];
  const says = (date: Inline) =>
    view.status === "approved"
      ? t`Your paid day off on ${date} was approved${by}. ${formatHours(view.hours)} were taken from your balance, which is now ${formatHours(view.balance.balance)}.`
      : t`Your paid day off on ${date} was declined${by}. Its ${formatHours(view.hours)} are available again.`;
  const mark = emoji(view.status === "approved" ? "white_check_mark" : "x");
  return { summary: [mark, " ", ...says(view.date)], blocks: [line([mark, " ", ...says(bold(view.date))])] };
}

export function ledgerDmMessage(view: LedgerDmView): Message {
  const { entry, balance } = view;
  const after = `Balance ${formatHours(balance.balance)}: ${formatHours(balance.toNextDay)} to your next paid day.`;
  const streak = view.streak ? ` (streak: ${plural(view.streak, "clean period")})` : "";
  const says =
    entry.kind === "adjustment"
      ? t`${emoji("information_source")} An admin ${entry.hours >= 0 ? "added" : "took"} ${formatHours(Math.abs(entry.hours))} ${entry.hours >= 0 ? "to" : "from"} your PTO: ${entry.reason}. ${after}`
      : entry.hours >= 0
        ? t`${emoji("tada")} You earned ${formatHours(entry.hours)}${streak}. ${after}`
        : t`${emoji("information_source")} ${formatHours(-entry.hours)} were reversed: ${entry.reason}. ${after}`;
  // Earned enough for a paid day that no pending request holds: offer the request right here (checked again on click).
  const canRequest = entry.hours > 0 && Math.round(balance.available * 100) >= Math.round(view.hoursPerPaidDay * 100);
  return { blocks: [line(says), ...(canRequest ? [actions({ label: "Request a paid day off", action: { kind: "pto.request" } })] : [])] };
}

/** What an admin is told after `/pto adjust`. */
export const ptoAdjusted = (member: PersonRef, hours: number, reason: string, balance: number, replayed: boolean): NoticeView =>
  replayed
    ? notice("info", `That adjustment was already recorded. ${member.displayName}'s balance is ${formatHours(balance)}.`)
    : notice(
        "success",
        `${hours >= 0 ? "Added" : "Took"} ${formatHours(Math.abs(hours))} ${hours >= 0 ? "to" : "from"} ${member.displayName}'s PTO (${reason}). Their balance is ${formatHours(balance)}; they'll get a DM.`,
      );

export const ptoAdjustUsage = (prefix: string) =>
  `Usage (admins): \`${prefix}pto adjust @person +H|-H REASON\`, e.g. \`${prefix}pto adjust @ada +16 opening balance\`: hours with up to two decimals.`;
