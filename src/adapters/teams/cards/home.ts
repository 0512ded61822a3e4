// Adaptive Card for `wowbot stats`: the member's PTO and attendance, service level and idle chats, wows and quick-score
// results, privately (the member's own, or a lead looking at someone).

import { duration } from "../../../views/digest.js";
import type { ServiceLevelFacts, StatsView } from "../../../views/home.js";
import { container, type Element, heading, messageCard, note, text } from "./elements.js";
import { truncate } from "./limits.js";
import type { TeamsMessage } from "./message.js";
import { attendanceLine, balanceLine } from "./pto.js";
import { escapeText, Mentions, plainText, referenceText } from "./text.js";

const day = (d: Date) => d.toISOString().slice(0, 10);
const CAPS = { story: 500, note: 600, reference: 100 } as const;

function serviceLevel(sl: ServiceLevelFacts, who: string): Element[] {
  const items: Element[] = [heading("Service level (last 7 days)")];
  if (sl.percent === null) items.push(text("No service-level data in the last 7 days."));
  else {
    const met = sl.percent >= sl.target ? "at or above the target" : "below the target";
    items.push(
      text(
        `📞 **${sl.percent}%** of available time customer-facing (${duration(sl.customerFacingSeconds)} of ${duration(sl.availableSeconds)} over ${sl.days} day${sl.days === 1 ? "" : "s"}), ${met} of ${sl.target}%.`,
      ),
    );
  }
  const idle = sl.idleChats;
  items.push(
    text(
      idle.count === 0
        ? `No chats left open more than ${duration(idle.thresholdSeconds)} after the customer left.`
        : `⌛ **${idle.count}** chat${idle.count === 1 ? "" : "s"} left open more than ${duration(idle.thresholdSeconds)} after the customer left (longest ${duration(idle.longestSeconds ?? 0)}).`,
    ),
    note(`${sl.from} to ${sl.to}. Only ${who} and leads can see service-level and idle-chat figures.`),
  );
  return items;
}

export function renderStats(view: StatsView): TeamsMessage {
  const m = new Mentions();
  const own = view.own;
  const whose = own ? "Your" : `${m.at(view.member)}'s`;
  const s = view.scoresLast30Days;
  const body: Element[] = [
    heading(`${whose} PTO and attendance`),
    text(`🌴 ${balanceLine(view.pto.balance, own ? "your" : "their")}`),
    text(attendanceLine(view.pto)),
    note(
      own
        ? "Only you can see this. `pto` shows your ledger and lets you request a paid day off."
        : `Only ${m.at(view.member)} and leads can see this. "pto @${escapeText(view.member.displayName)}" shows the ledger.`,
    ),
    container(serviceLevel(view.serviceLevel, own ? "you" : m.at(view.member)), { separator: true, spacing: "Medium" }),
  ];
  const wows: Element[] = [
    heading(own ? "Your wow moments" : "Wow moments"),
    text(
      `🌟 **${view.wowsLast30Days}** wow nomination${view.wowsLast30Days === 1 ? "" : "s"} and **${view.secondsLast30Days}** second${view.secondsLast30Days === 1 ? "" : "s"} in the last 30 days.`,
    ),
  ];
  if (view.recentWows.length === 0) wows.push(note("No nominations yet. They'll show up here."));
  for (const w of view.recentWows) {
    const ref = w.reference ? `  ·  ${referenceText(w.reference, CAPS.reference)}` : "";
    wows.push(
      text(`From ${m.at(w.from)} on ${day(w.at)}:`),
      container([text(truncate(escapeText(w.story), CAPS.story))], { style: "emphasis", spacing: "Small" }),
      note(`${w.seconds} second${w.seconds === 1 ? "" : "s"}${ref}`),
    );
  }
  body.push(container(wows, { separator: true, spacing: "Medium" }));
  const scores: Element[] = [
    heading("Quick scores"),
    text(
      s.count === 0
        ? "No scored interactions in the last 30 days."
        : `**${s.average}** average over ${s.count} scored interaction${s.count === 1 ? "" : "s"} in the last 30 days; ${s.metGoal} met the goal of ${view.goal}.`,
    ),
  ];
  for (const n of view.latestNotes) {
    scores.push(
      text(`**${n.score}/100** for ${referenceText(n.reference, CAPS.reference)} (${day(n.at)}), coaching from ${m.at(n.scorer)}:`),
      container([text(truncate(escapeText(n.note), CAPS.note))], { style: "emphasis", spacing: "Small" }),
    );
  }
  body.push(container(scores, { separator: true, spacing: "Medium" }));
  return { text: plainText(own ? "Your stats" : `Stats for ${view.member.displayName}`), card: messageCard(body, [], m) };
}
