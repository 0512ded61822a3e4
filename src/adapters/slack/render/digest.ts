// Block Kit for the daily lead digest: a header, one section per part of the digest and Approve/Decline for the first
// paid-day requests. Every list is capped upstream ("and N more"), story and reference text is cut short here, and a
// last guard drops detail until the message fits, so a team of any size never gets a message Slack rejects.
import { formatHours } from "../../../domain/attendance.js";
import { type DigestView, digestSections, digestTitle, missedLine } from "../../../views/digest.js";
import { context, header, section } from "./blocks.js";
import { LIMITS, truncate } from "./limits.js";
import { decisionButtons } from "./pto.js";
import { escapeText, mention } from "./text.js";

const SLACK_FORMAT = {
  name: (p: { platformUserId: string }) => mention(p.platformUserId),
  text: (t: string, max: number) => truncate(escapeText(t.replace(/\s+/g, " ").trim()), max),
  bold: (t: string) => `*${t}*`,
};

export function renderDigest(view: DigestView) {
  const blocks: Array<Record<string, unknown>> = [header(`${view.preview ? "Preview: " : ""}${digestTitle(view)}`)];
  const missed = missedLine(view.missed);
  if (missed) blocks.push(context(`:warning: ${missed}`));
  for (const s of digestSections(view, SLACK_FORMAT)) {
    blocks.push(section(`*${s.title}*\n${s.lines.join("\n")}`));
    if (s.id !== "pto") continue;
    for (const r of view.pto.pending.items) {
      blocks.push(section(`${mention(r.person.platformUserId)}: paid day off on *${r.date}* (${formatHours(r.hours)})`));
      blocks.push(decisionButtons(r.requestId));
    }
    const more = view.pto.pending.total - view.pto.pending.items.length;
    if (more > 0) blocks.push(context(`…and ${more} more request${more === 1 ? "" : "s"}, each posted when it was made.`));
  }
  if (view.preview) blocks.push(context("Only you can see this preview. The digest goes out at digest time on workdays."));
  // The lists are capped well inside the limits; this only guards against extreme text, cutting sections shorter.
  for (let max = 2000; JSON.stringify(blocks).length > LIMITS.messageBlocksChars && max >= 250; max = Math.floor(max / 2)) {
    for (const b of blocks) {
      const text = b.text as { type?: string; text?: string } | undefined;
      if (b.type === "section" && text?.type === "mrkdwn" && text.text) text.text = truncate(text.text, max);
    }
  }
  return { text: truncate(`${digestTitle(view)} (${escapeText(view.workspaceName)})`, LIMITS.messageText), blocks };
}
