// The App Home tab: the member's PTO and attendance, wows and quick-score results, within the Home tab's 100-block limit.
import type { HomeView } from "../../../views/home.js";
import { section } from "./blocks.js";
import { LIMITS, truncate } from "./limits.js";
import { attendanceLine, balanceLine } from "./pto.js";
import { escapeText, mention, quote, referenceText } from "./text.js";

const day = (d: Date) => d.toISOString().slice(0, 10);

export function renderHome(view: HomeView) {
  const s = view.scoresLast30Days;
  const scoreLine =
    s.count === 0
      ? "No scored interactions in the last 30 days."
      : `*${s.average}* average over ${s.count} scored interaction${s.count === 1 ? "" : "s"} in the last 30 days; ${s.metGoal} met the goal of ${view.goal}.`;
  const blocks: Array<Record<string, unknown>> = [
    { type: "header", text: { type: "plain_text", text: "Your PTO and attendance" } },
    section(`:palm_tree: ${balanceLine(view.pto.balance)}`),
    section(attendanceLine(view.pto)),
    { type: "context", elements: [{ type: "mrkdwn", text: "Only you can see this. `/pto` shows your ledger and lets you request a paid day off." }] },
    { type: "divider" },
    { type: "header", text: { type: "plain_text", text: "Your wow moments" } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `:star2: *${view.wowsLast30Days}* wow nomination${view.wowsLast30Days === 1 ? "" : "s"} and *${view.secondsLast30Days}* second${view.secondsLast30Days === 1 ? "" : "s"} in the last 30 days.`,
      },
    },
  ];
  if (view.recentWows.length === 0) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "No nominations yet. They'll show up here." }] });
  }
  for (const w of view.recentWows) {
    const ref = w.reference ? `  ·  ${referenceText(w.reference, 300)}` : "";
    blocks.push(
      {
        type: "section",
        text: { type: "mrkdwn", text: truncate(`From ${mention(w.from.platformUserId)} on ${day(w.at)}:\n${quote(escapeText(w.story))}`, 1_000) },
      },
      { type: "context", elements: [{ type: "mrkdwn", text: truncate(`${w.seconds} second${w.seconds === 1 ? "" : "s"}${ref}`, LIMITS.contextElementText) }] },
    );
  }
  blocks.push(
    { type: "divider" },
    { type: "header", text: { type: "plain_text", text: "Quick scores" } },
    { type: "section", text: { type: "mrkdwn", text: scoreLine } },
  );
  for (const n of view.latestNotes) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          `*${n.score}/100* for ${referenceText(n.reference, 300)} (${day(n.at)}), coaching from ${mention(n.scorer.platformUserId)}:\n${quote(escapeText(n.note))}`,
          LIMITS.sectionText,
        ),
      },
    });
  }
  return { type: "home" as const, blocks };
}
