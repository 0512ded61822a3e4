// The daily lead digest as plain text for the terminal (`wowbot digest --print`): the same sections and lines as in
// Slack, with names instead of mentions.
import { formatHours } from "../domain/attendance.js";
import { type DigestView, digestSections, digestTitle, missedLine } from "../views/digest.js";
import { plainOf } from "../views/elements.js";

export function digestText(view: DigestView): string {
  const out = [`${digestTitle(view)} (${view.workspaceName}), delivered ${view.day}`];
  const missed = missedLine(view.missed);
  if (missed) out.push(`! ${missed}`);
  for (const s of digestSections(view)) {
    out.push("", s.title, ...s.lines.map((l) => `  ${plainOf(l)}`));
    if (s.id === "pto") {
      for (const r of view.pto.pending.items) out.push(`  • ${r.person.displayName}: paid day off on ${r.date} (${formatHours(r.hours)})`);
      const more = view.pto.pending.total - view.pto.pending.items.length;
      if (more > 0) out.push(`  …and ${more} more`);
    }
  }
  return out.join("\n");
}
