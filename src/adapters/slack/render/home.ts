// The App Home tab and `/wowbot stats`: the member's PTO and attendance, wows, quick-score results and service level,
// within the Home tab's 100-block and a message's 50-block limits (at most 5 wows and 3 notes: about 30 blocks).
import type { HomeView, ServiceLevelFacts, StatsView } from "../../../views/home.js";
import { section } from "./blocks.js";
import { LIMITS, truncate } from "./limits.js";
import { attendanceLine, balanceLine } from "./pto.js";
import { escapeText, mention, quote, referenceText } from "./text.js";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** "3 h 5 min", "12 min", "45 s": durations of work time and idle chats. */
export function formatSeconds(total: number): string {
  if (total < 60) return `${total} s`;
  const minutes = Math.round(total / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : "", m || !h ? `${m} min` : ""].filter(Boolean).join(" ");
}

/** The service-level section: share of available time customer-facing against the target, and idle chats. */
export function serviceLevelBlocks(sl: ServiceLevelFacts, who: string): Array<Record<string, unknown>> {
  const blocks: Array<Record<string, unknown>> = [{ type: "header", text: { type: "plain_text", text: "Service level (last 7 days)" } }];
  if (sl.percent === null) {
    blocks.push(section("No service-level data in the last 7 days."));
  } else {
    const met = sl.percent >= sl.target ? "at or above the target" : "below the target";
    blocks.push(
      section(
        `:telephone_receiver: *${sl.percent}%* of available time customer-facing (${formatSeconds(sl.customerFacingSeconds)} of ${formatSeconds(sl.availableSeconds)} over ${sl.days} day${sl.days === 1 ? "" : "s"}), ${met} of ${sl.target}%.`,
      ),
    );
  }
  const idle = sl.idleChats;
  blocks.push(
    section(
      idle.count === 0
        ? `No chats left open more than ${formatSeconds(idle.thresholdSeconds)} after the customer left.`
        : `:hourglass: *${idle.count}* chat${idle.count === 1 ? "" : "s"} left open more than ${formatSeconds(idle.thresholdSeconds)} after the customer left (longest ${formatSeconds(idle.longestSeconds ?? 0)}).`,
    ),
    { type: "context", elements: [{ type: "mrkdwn", text: `${sl.from} to ${sl.to}. Only ${who} and leads can see service-level and idle-chat figures.` }] },
  );
  return blocks;
}

export function renderHome(view: HomeView) {
  return { type: "home" as const, blocks: homeBlocks(view, true, HOME_CAPS) };
}

/** `/wowbot stats`: the same page as a private message, for the member or a lead looking at them. */
export function renderStats(view: StatsView) {
  const blocks = homeBlocks(view, view.own, MESSAGE_CAPS);
  const whose = view.own ? "Your stats" : `Stats for ${escapeText(view.member.displayName)}`;
  return { text: truncate(whose, LIMITS.sectionText), blocks };
}

/** Longest story, note and reference shown: a message's blocks hold 12,000 characters in all, a Home tab far more. */
interface Caps {
  story: number;
  note: number;
  reference: number;
}
const HOME_CAPS: Caps = { story: 1_000, note: LIMITS.sectionText, reference: 300 };
const MESSAGE_CAPS: Caps = { story: 500, note: 600, reference: 100 };

function homeBlocks(view: Omit<HomeView, "kind">, own: boolean, caps: Caps) {
  const s = view.scoresLast30Days;
  const whose = own ? "Your" : `${mention(view.member.platformUserId)}'s`;
  const scoreLine =
    s.count === 0
      ? "No scored interactions in the last 30 days."
      : `*${s.average}* average over ${s.count} scored interaction${s.count === 1 ? "" : "s"} in the last 30 days; ${s.metGoal} met the goal of ${view.goal}.`;
  const blocks: Array<Record<string, unknown>> = [
    own ? { type: "header", text: { type: "plain_text", text: "Your PTO and attendance" } } : section(`*${whose} PTO and attendance*`),
    section(`:palm_tree: ${balanceLine(view.pto.balance, own ? "your" : "their")}`),
    section(attendanceLine(view.pto)),
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: own
            ? "Only you can see this. `/pto` shows your ledger and lets you request a paid day off."
            : `Only ${mention(view.member.platformUserId)} and leads can see this. \`/pto ${mention(view.member.platformUserId)}\` shows the ledger.`,
        },
      ],
    },
    { type: "divider" },
    ...serviceLevelBlocks(view.serviceLevel, own ? "you" : mention(view.member.platformUserId)),
    { type: "divider" },
    { type: "header", text: { type: "plain_text", text: own ? "Your wow moments" : "Wow moments" } },
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
    const ref = w.reference ? `  ·  ${referenceText(w.reference, caps.reference)}` : "";
    blocks.push(
      {
        type: "section",
        text: { type: "mrkdwn", text: truncate(`From ${mention(w.from.platformUserId)} on ${day(w.at)}:\n${quote(escapeText(w.story))}`, caps.story) },
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
          `*${n.score}/100* for ${referenceText(n.reference, caps.reference)} (${day(n.at)}), coaching from ${mention(n.scorer.platformUserId)}:\n${quote(escapeText(n.note))}`,
          caps.note,
        ),
      },
    });
  }
  return blocks;
}
