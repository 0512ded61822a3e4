// Adaptive Cards for PTO: the private /pto page (Cancel per pending request, Request a paid day off), the request post
// for leads (Approve / Decline while pending), the agent's outcome DM and ledger DMs.
import { formatHours } from "../../../domain/attendance.js";
import type { PtoBalance } from "../../../domain/pto.js";
import type { LedgerDmView, PtoFacts, PtoOutcomeDmView, PtoRequestPostView, PtoView } from "../../../views/pto.js";
import { PERIOD_NAME } from "../../../views/pto.js";
import { CARD_ACTIONS, executeAction, openFormAction } from "./actions.js";
import { actionSet, container, type Element, heading, messageCard, note, text } from "./elements.js";
import { LIST_ROWS } from "./limits.js";
import type { TeamsMessage } from "./message.js";
import { escapeText, Mentions, plainText } from "./text.js";

const days = (n: number) => `${n} paid day${n === 1 ? "" : "s"}`;

export function balanceLine(b: PtoBalance, whose = "your"): string {
  const held = b.reserved > 0 ? ` (${formatHours(b.reserved)} held by pending requests)` : "";
  return `**${formatHours(b.balance)}**, ${days(b.wholeDays)}${held}: ${formatHours(b.toNextDay)} to ${whose} next paid day.`;
}

export function attendanceLine(f: Pick<PtoFacts, "streak" | "pointsThisPeriod" | "period" | "daysLeft">): string {
  const streak = f.streak === 1 ? "1 clean period" : `${f.streak} clean periods`;
  const points = `${f.pointsThisPeriod} point${f.pointsThisPeriod === 1 ? "" : "s"} this ${PERIOD_NAME[f.period.kind]}, ${f.daysLeft} day${f.daysLeft === 1 ? "" : "s"} left`;
  return `🐼 Streak: **${streak}** in a row. Attendance: **${points}**.`;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function renderPto(view: PtoView): TeamsMessage {
  const m = new Mentions();
  const whose = view.own ? "Your" : `${m.at(view.member)}'s`;
  const body: Element[] = [text(`🌴 ${whose} PTO balance: ${balanceLine(view.balance, view.own ? "your" : "their")}`), text(attendanceLine(view))];
  for (const p of view.pending.slice(0, LIST_ROWS.pending)) {
    const line = text(`⏳ Paid day off on **${p.date}** (${formatHours(p.hours)}) is waiting for a lead.`);
    body.push(
      view.own
        ? {
            type: "ColumnSet",
            columns: [
              { type: "Column", width: "stretch", items: [line] },
              {
                type: "Column",
                width: "auto",
                verticalContentAlignment: "Center",
                items: [actionSet([executeAction("Cancel request", CARD_ACTIONS.cancelRequest, { requestId: p.requestId })])],
              },
            ],
          }
        : line,
    );
  }
  const morePending = view.pending.length - LIST_ROWS.pending;
  if (morePending > 0) body.push(note(`…and ${morePending} more pending request${morePending === 1 ? "" : "s"}.`));
  if (!view.canRequest && view.own) body.push(note(`A paid day off takes ${formatHours(view.hoursPerPaidDay)} that no other request is holding.`));
  const rows = view.ledger
    .slice(0, LIST_ROWS.ledger)
    .map((l) => `${day(l.at)}  ${l.hours > 0 ? "+" : ""}${formatHours(l.hours)}  ${l.kind}: ${escapeText(l.reason)}`);
  const moreRows = view.ledger.length - rows.length;
  body.push(
    container(
      rows.length
        ? [
            heading(`Last ${rows.length} ledger entries`),
            ...rows.map((r) => text(r, { spacing: "Small" })),
            ...(moreRows > 0 ? [note(`…and ${moreRows} older.`)] : []),
          ]
        : [heading("Ledger"), text("No entries yet: a clean period earns your first hours.")],
      { spacing: "Medium" },
    ),
  );
  const actions = view.canRequest ? [openFormAction("Request a paid day off", "form.paid_day", {}, { style: "positive" })] : [];
  const plain = `${view.own ? "Your" : `${view.member.displayName}'s`} PTO balance: ${formatHours(view.balance.balance)}`;
  return { text: plainText(plain), card: messageCard(body, actions, m) };
}

const STATUS_LINE = {
  pending: "",
  approved: "✅ Approved",
  declined: "❌ Declined",
  cancelled: "↩️ Cancelled by the requester",
} as const;

/** Approve and Decline for a pending paid-day request: on the request post and in the lead digest. */
export const decisionActions = (requestId: string): Element[] => [
  executeAction("Approve", CARD_ACTIONS.approve, { requestId }, { style: "positive" }),
  executeAction("Decline", CARD_ACTIONS.decline, { requestId }, { style: "destructive" }),
];

export function renderPtoRequestPost(view: PtoRequestPostView): TeamsMessage {
  const m = new Mentions();
  const body: Element[] = [
    text(`🌴 ${m.at(view.member)} asks for a paid day off on **${view.date}** (${formatHours(view.hours)}).`),
    ...(view.note ? [container([text(escapeText(view.note))], { style: "emphasis" })] : []),
    note(`Balance ${formatHours(view.balance.balance)}${view.balance.reserved ? `, ${formatHours(view.balance.reserved)} held by pending requests` : ""}.`),
  ];
  if (view.status !== "pending") {
    const by = view.decidedBy && view.status !== "cancelled" ? ` by ${m.at(view.decidedBy)}` : "";
    body.push(text(`${STATUS_LINE[view.status]}${by}.`, { weight: "Bolder" }));
  }
  const actions = view.status === "pending" ? decisionActions(view.requestId) : [];
  return { text: plainText(`${view.member.displayName} asks for a paid day off on ${view.date}`), card: messageCard(body, actions, m) };
}

export function renderPtoOutcome(view: PtoOutcomeDmView): TeamsMessage {
  const m = new Mentions();
  const line = (by: string) =>
    view.status === "approved"
      ? `✅ Your paid day off on **${view.date}** was approved${by}. ${formatHours(view.hours)} were taken from your balance, which is now ${formatHours(view.balance.balance)}.`
      : `❌ Your paid day off on **${view.date}** was declined${by}. Its ${formatHours(view.hours)} are available again.`;
  const by = view.decidedBy ? ` by ${m.at(view.decidedBy)}` : "";
  const plainBy = view.decidedBy ? ` by ${view.decidedBy.displayName}` : "";
  return { text: plainText(line(plainBy).replace(/\*\*/g, "")), card: messageCard([text(line(by))], [], m) };
}

export function renderLedgerDm(view: LedgerDmView): TeamsMessage {
  const { entry, balance } = view;
  const after = `Balance ${formatHours(balance.balance)}: ${formatHours(balance.toNextDay)} to your next paid day.`;
  const line = (reason: string) =>
    entry.hours >= 0
      ? `🎉 You earned ${formatHours(entry.hours)}${view.streak ? ` (streak: ${view.streak} clean period${view.streak === 1 ? "" : "s"})` : ""}. ${after}`
      : `ℹ️ ${formatHours(-entry.hours)} were reversed: ${reason}. ${after}`;
  return { text: plainText(line(entry.reason)), card: messageCard([text(line(escapeText(entry.reason)))], [], new Mentions()) };
}
