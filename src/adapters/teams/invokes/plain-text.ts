// A view as the plain text Teams shows in a dialog message or a card action's answer: people by name, no markup, and
// a notice without its tone's emoji.
import type { View } from "../../../views/index.js";
import { noticeText } from "../../../views/notice.js";
import { plainLine, renderCard } from "../adaptive-card.js";
import { plainText } from "../cards/text.js";

export function plainAnswer(view: View): string {
  return view.kind === "notice" ? plainText(plainLine(noticeText(view)), 4000) : renderCard(view).text;
}
