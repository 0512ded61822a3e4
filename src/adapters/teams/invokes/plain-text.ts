// A view as the plain text Teams shows in a dialog message or a card action's answer: people by name (the neutral
// "<@ID>" of a notice), no Slack-style *bold* or `code` markers.
import type { View } from "../../../views/index.js";
import { renderCard } from "../cards/index.js";
import { fromNoticeMarkup } from "../cards/text.js";
import type { TeamsTurn } from "../turn.js";

export async function plainAnswer(turn: Pick<TeamsTurn, "deps" | "workspace">, view: View): Promise<string> {
  if (view.kind !== "notice") return renderCard(view).text;
  let text = view.text;
  for (const [tag, id] of view.text.matchAll(/<@([^|>\s]+)(?:\|([^>]*))?>/g)) {
    const person = id ? await turn.deps.ports.members.find(turn.workspace.id, id) : null;
    text = text.replace(tag, person?.displayName ?? "someone");
  }
  return fromNoticeMarkup(text);
}
