// Block Kit for PTO: the private /pto page, the paid-day request modal, the request post for leads (Approve /
// Decline while pending), the agent's outcome DM and ledger DMs.
import { formatHours } from "../../../domain/attendance.js";
import { PTO_NOTE_MAX } from "../../../domain/pto.js";
import { type LedgerDmView, PERIOD_NAME, type PtoFacts, type PtoOutcomeDmView, type PtoRequestPostView, type PtoView } from "../../../views/pto.js";
import { context, section } from "./blocks.js";
import { LIMITS, truncate } from "./limits.js";
import { escapeText, mention, quote } from "./text.js";

export const PTO_ACTIONS = { request: "pto.request", cancel: "pto.cancel", approve: "pto.approve", decline: "pto.decline" } as const;
export const PTO_REQUEST_MODAL = "pto.request.submit";
export const PTO_REQUEST_FIELDS = { date: "date", note: "note" } as const;

const days = (n: number) => `${n} paid day${n === 1 ? "" : "s"}`;

export function balanceLine(b: { balance: number; wholeDays: number; toNextDay: number; reserved: number }, whose = "your"): string {
  const held = b.reserved > 0 ? ` (${formatHours(b.reserved)} held by pending requests)` : "";
  return `*${formatHours(b.balance)}*, ${days(b.wholeDays)}${held}: ${formatHours(b.toNextDay)} to ${whose} next paid day.`;
}

/** Streak, points this period and days left: the /pto page and the App Home say it the same way. */
export function attendanceLine(f: Pick<PtoFacts, "streak" | "pointsThisPeriod" | "period" | "daysLeft">): string {
  const streak = f.streak === 1 ? "1 clean period" : `${f.streak} clean periods`;
  const points = `${f.pointsThisPeriod} point${f.pointsThisPeriod === 1 ? "" : "s"} this ${PERIOD_NAME[f.period.kind]}, ${f.daysLeft} day${f.daysLeft === 1 ? "" : "s"} left`;
  return `:panda_face: Streak: *${streak}* in a row. Attendance: *${points}*.`;
}

export function renderPto(view: PtoView) {
  const whose = view.own ? "Your" : `${mention(view.member.platformUserId)}'s`;
  const blocks: Array<Record<string, unknown>> = [section(`:palm_tree: ${whose} PTO balance: ${balanceLine(view.balance)}`), section(attendanceLine(view))];
  for (const p of view.pending) {
    const text = `:hourglass_flowing_sand: Paid day off on *${p.date}* (${formatHours(p.hours)}) is waiting for a lead.`;
    blocks.push(
      view.own
        ? {
            ...section(text),
            accessory: { type: "button", action_id: PTO_ACTIONS.cancel, value: p.requestId, text: { type: "plain_text", text: "Cancel request" } },
          }
        : section(text),
    );
  }
  if (view.canRequest) {
    blocks.push({
      type: "actions",
      elements: [
        { type: "button", style: "primary", action_id: PTO_ACTIONS.request, value: "request", text: { type: "plain_text", text: "Request a paid day off" } },
      ],
    });
  } else if (view.own) {
    blocks.push(context(`A paid day off takes ${formatHours(view.hoursPerPaidDay)} that no other request is holding.`));
  }
  const ledger = view.ledger.map(
    (l) => `${l.at.toISOString().slice(0, 10)}  ${l.hours > 0 ? "+" : ""}${formatHours(l.hours)}  ${l.kind}: ${escapeText(l.reason)}`,
  );
  blocks.push(
    section(
      ledger.length ? `*Last ${ledger.length} ledger entries*\n${ledger.join("\n")}` : "*Ledger*\nNo entries yet: a clean period earns your first hours.",
    ),
  );
  return { text: truncate(`${whose} PTO balance: ${formatHours(view.balance.balance)}`, LIMITS.messageText), blocks };
}

export function ptoRequestModal(today: string, hoursPerPaidDay: number) {
  return {
    type: "modal" as const,
    callback_id: PTO_REQUEST_MODAL,
    title: { type: "plain_text" as const, text: "Paid day off" },
    submit: { type: "plain_text" as const, text: "Request" },
    close: { type: "plain_text" as const, text: "Cancel" },
    blocks: [
      section(`A paid day off uses ${formatHours(hoursPerPaidDay)}. They're held while a lead decides.`),
      {
        type: "input",
        block_id: PTO_REQUEST_FIELDS.date,
        label: { type: "plain_text", text: "Day" },
        element: { type: "datepicker", action_id: PTO_REQUEST_FIELDS.date, initial_date: today },
      },
      {
        type: "input",
        block_id: PTO_REQUEST_FIELDS.note,
        optional: true,
        label: { type: "plain_text", text: "Note for the lead" },
        element: { type: "plain_text_input", action_id: PTO_REQUEST_FIELDS.note, multiline: true, max_length: PTO_NOTE_MAX },
      },
    ],
  };
}

const STATUS_LINE = {
  pending: "",
  approved: ":white_check_mark: Approved",
  declined: ":x: Declined",
  cancelled: ":leftwards_arrow_with_hook: Cancelled by the requester",
} as const;

export function renderPtoRequestPost(view: PtoRequestPostView) {
  const who = mention(view.member.platformUserId);
  const blocks: Array<Record<string, unknown>> = [
    section(`:palm_tree: ${who} asks for a paid day off on *${view.date}* (${formatHours(view.hours)}).`),
    ...(view.note ? [section(quote(escapeText(view.note)))] : []),
    context(`Balance ${formatHours(view.balance.balance)}${view.balance.reserved ? `, ${formatHours(view.balance.reserved)} held by pending requests` : ""}.`),
  ];
  if (view.status === "pending") {
    blocks.push(decisionButtons(view.requestId));
  } else {
    const by = view.decidedBy && view.status !== "cancelled" ? ` by ${mention(view.decidedBy.platformUserId)}` : "";
    blocks.push(context(`${STATUS_LINE[view.status]}${by}.`));
  }
  return { text: truncate(`${escapeText(view.member.displayName)} asks for a paid day off on ${view.date}`, LIMITS.messageText), blocks };
}

export function renderPtoOutcome(view: PtoOutcomeDmView) {
  const by = view.decidedBy ? ` by ${mention(view.decidedBy.platformUserId)}` : "";
  const text =
    view.status === "approved"
      ? `:white_check_mark: Your paid day off on *${view.date}* was approved${by}. ${formatHours(view.hours)} were taken from your balance, which is now ${formatHours(view.balance.balance)}.`
      : `:x: Your paid day off on *${view.date}* was declined${by}. Its ${formatHours(view.hours)} are available again.`;
  return { text: truncate(text.replace(/[*:]/g, ""), LIMITS.messageText), blocks: [section(text)] };
}

export function renderLedgerDm(view: LedgerDmView) {
  const { entry, balance } = view;
  const after = `Balance ${formatHours(balance.balance)}: ${formatHours(balance.toNextDay)} to your next paid day.`;
  const text =
    entry.hours >= 0
      ? `:tada: You earned ${formatHours(entry.hours)}${view.streak ? ` (streak: ${view.streak} clean period${view.streak === 1 ? "" : "s"})` : ""}. ${after}`
      : `:information_source: ${formatHours(-entry.hours)} were reversed: ${escapeText(entry.reason)}. ${after}`;
  return { text: truncate(text, LIMITS.messageText), blocks: [section(text)] };
}

/** Approve and Decline for a pending paid-day request: on the request post and in the lead digest. */
export function decisionButtons(requestId: string) {
  return {
    type: "actions",
    elements: [
      { type: "button", style: "primary", action_id: PTO_ACTIONS.approve, value: requestId, text: { type: "plain_text", text: "Approve" } },
      { type: "button", style: "danger", action_id: PTO_ACTIONS.decline, value: requestId, text: { type: "plain_text", text: "Decline" } },
    ],
  };
}
