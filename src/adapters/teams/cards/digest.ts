// Adaptive Card for the daily lead digest: one section per part (the shared digestSections lines, so Slack, Teams and
// the terminal say the same thing) and Approve/Decline for the first paid-day requests. Lists arrive capped; the card
// budget guard in messageCard cuts extreme text.
import { formatHours } from "../../../domain/attendance.js";
import { type DigestFormat, type DigestView, digestSections, digestTitle, missedLine } from "../../../views/digest.js";
import { actionSet, container, type Element, heading, messageCard, note, text } from "./elements.js";
import { truncate } from "./limits.js";
import type { TeamsMessage } from "./message.js";
import { decisionActions } from "./pto.js";
import { escapeText, Mentions, plainText } from "./text.js";

export function renderDigest(view: DigestView): TeamsMessage {
  const m = new Mentions();
  const format: DigestFormat = {
    name: (p) => m.at(p),
    text: (t, max) => truncate(escapeText(t.replace(/\s+/g, " ").trim()), max),
    bold: (t) => `**${t}**`,
  };
  const body: Element[] = [{ ...heading(`${view.preview ? "Preview: " : ""}${digestTitle(view)}`), size: "Large" }];
  const missed = missedLine(view.missed);
  if (missed) body.push(text(`⚠️ ${missed}`, { color: "Warning" }));
  for (const s of digestSections(view, format)) {
    const items: Element[] = [heading(s.title), ...s.lines.map((l) => text(l.replace(/^• /, "- "), { spacing: "Small" }))];
    if (s.id === "pto") {
      for (const r of view.pto.pending.items) {
        items.push(text(`${m.at(r.person)}: paid day off on **${r.date}** (${formatHours(r.hours)})`), actionSet(decisionActions(r.requestId)));
      }
      const more = view.pto.pending.total - view.pto.pending.items.length;
      if (more > 0) items.push(note(`…and ${more} more request${more === 1 ? "" : "s"}, each posted when it was made.`));
    }
    body.push(container(items, { separator: true, spacing: "Medium" }));
  }
  if (view.preview) body.push(note("Only you can see this preview. The digest goes out at digest time on workdays."));
  return { text: plainText(`${digestTitle(view)} (${view.workspaceName})`), card: messageCard(body, [], m) };
}
