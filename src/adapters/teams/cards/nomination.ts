// Adaptive Cards for nominations: the recognition post (Second, Score this, and Retract/Remove in the overflow menu),
// the nominee's DM and the nominator's confirmation.
import type { NominationConfirmationView, NominationPostView, NomineeDmView } from "../../../views/nomination.js";
import { CARD_ACTIONS, executeAction, openFormAction } from "./actions.js";
import { type Element, heading, messageCard, note, text } from "./elements.js";
import type { TeamsMessage } from "./message.js";
import { escapeText, Mentions, plainText, referenceText } from "./text.js";

function details(m: Mentions, behaviours: string[], reference: string | null, by?: Parameters<Mentions["at"]>[0]): Element[] {
  const parts = [
    by ? `Nominated by ${m.at(by)}` : "",
    behaviours.length ? `Showed: ${behaviours.map(escapeText).join(", ")}` : "",
    reference ? `Interaction: ${referenceText(reference)}` : "",
  ].filter(Boolean);
  return parts.length ? [note(parts.join("  ·  "))] : [];
}

/** The story as its own block, quoted by a left-aligned emphasis container. */
const storyBlock = (story: string): Element => ({ type: "Container", style: "emphasis", items: [text(escapeText(story))] });

export function renderNominationPost(view: NominationPostView): TeamsMessage {
  const m = new Mentions();
  const nominee = m.at(view.nominee);
  if (view.status !== "active") {
    const what = view.status === "retracted" ? "was retracted by the nominator" : "was removed by an admin";
    return {
      text: plainText(`This wow nomination for ${view.nominee.displayName} ${what}.`),
      card: messageCard([text(`❔ This wow nomination for ${nominee} ${what}.`)], [], m),
    };
  }
  const actions: Element[] = [];
  if (view.actions.second) {
    const title = view.seconds ? `🙌 Second this (${view.seconds})` : "🙌 Second this";
    actions.push(executeAction(title, CARD_ACTIONS.second, { nominationId: view.nominationId }, { style: "positive" }));
  }
  if (view.actions.score) {
    actions.push(
      openFormAction("Score this interaction (leads)", "form.score", {
        nominationId: view.nominationId,
        agent: view.nominee.platformUserId,
        reference: view.reference,
      }),
    );
  }
  if (actions.length) {
    // Retracting (the nominator, within an hour) and removing (admins) are checked when chosen.
    actions.push(
      executeAction("Retract my nomination", CARD_ACTIONS.retract, { nominationId: view.nominationId }, { mode: "secondary" }),
      executeAction("Remove (admins)", CARD_ACTIONS.remove, { nominationId: view.nominationId }, { mode: "secondary" }),
    );
  }
  const body = [heading(`🌟 Wow moment for ${nominee}`), storyBlock(view.story ?? ""), ...details(m, view.behaviours, view.reference, view.nominator)];
  return { text: plainText(`Wow moment for ${view.nominee.displayName}`), card: messageCard(body, actions, m) };
}

export function renderNomineeDm(view: NomineeDmView): TeamsMessage {
  const m = new Mentions();
  const body = [text(`🌟 ${m.at(view.nominator)} nominated you for a **wow moment**:`), storyBlock(view.story), ...details(m, view.behaviours, view.reference)];
  return { text: plainText(`${view.nominator.displayName} nominated you for a wow moment`), card: messageCard(body, [], m) };
}

/** Teams has no channel mention by id in cards: the confirmation says the post goes to the recognition channel. */
export function renderConfirmation(view: NominationConfirmationView): TeamsMessage {
  const m = new Mentions();
  const where = view.postChannel ? " It's being posted in the recognition channel, and they'll get a message." : " They'll get a message.";
  const already = view.replayed ? " (You had already sent this one; nothing new was created.)" : "";
  const line = (who: string) => `✅ Your wow nomination for ${who} is in.${where}${already}`;
  return { text: plainText(line(view.nominee.displayName)), card: messageCard([text(line(m.at(view.nominee)))], [], m) };
}
