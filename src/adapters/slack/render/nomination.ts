// Block Kit for nominations: the recognition post (with its buttons), the nominee's DM, the nominator's confirmation.
import type { NominationConfirmationView, NominationPostView, NomineeDmView } from "../../../views/nomination.js";
import { chunks, LIMITS, truncate } from "./limits.js";
import { escapeText, mention, quote, referenceText } from "./text.js";

export const ACTIONS = { second: "nomination.second", score: "nomination.score", manage: "nomination.manage" } as const;

/** The story as quoted sections: a 2000-character story of "&" escapes to 10000 characters, so it may need several. */
function storyBlocks(story: string) {
  return chunks(quote(escapeText(story)), LIMITS.sectionText - 100, 3).map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}

function details(behaviours: string[], reference: string | null, by?: string) {
  const parts = [
    by ? `Nominated by ${by}` : "",
    behaviours.length ? `Showed: ${behaviours.join(", ")}` : "",
    reference ? `Interaction: ${referenceText(reference)}` : "",
  ];
  const text = parts.filter(Boolean).join("  ·  ");
  return text ? [{ type: "context", elements: [{ type: "mrkdwn", text: truncate(text, LIMITS.contextElementText) }] }] : [];
}

export function renderNominationPost(view: NominationPostView) {
  const nominee = mention(view.nominee.platformUserId);
  if (view.status !== "active") {
    const what = view.status === "retracted" ? "was retracted by the nominator" : "was removed by an admin";
    const text = `This wow nomination for ${nominee} ${what}.`;
    return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: `:grey_question: ${text}` } }] };
  }
  const buttons = [];
  if (view.actions.second) {
    buttons.push({
      type: "button",
      action_id: ACTIONS.second,
      value: view.nominationId,
      text: { type: "plain_text", text: view.seconds ? `:raised_hands: Second this (${view.seconds})` : ":raised_hands: Second this", emoji: true },
    });
  }
  if (view.actions.score) {
    buttons.push({ type: "button", action_id: ACTIONS.score, value: view.nominationId, text: { type: "plain_text", text: "Score this interaction (leads)" } });
  }
  if (buttons.length) {
    // Retracting (the nominator, within an hour) and removing (admins) are checked when chosen.
    buttons.push({
      type: "overflow",
      action_id: ACTIONS.manage,
      options: [
        { text: { type: "plain_text", text: "Retract my nomination" }, value: `retract:${view.nominationId}` },
        { text: { type: "plain_text", text: "Remove (admins)" }, value: `remove:${view.nominationId}` },
      ],
    });
  }
  return {
    text: truncate(`Wow moment for ${escapeText(view.nominee.displayName)}`, LIMITS.messageText),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `:star2: *Wow moment* for ${nominee}` } },
      ...storyBlocks(view.story ?? ""),
      ...details(view.behaviours, view.reference, mention(view.nominator.platformUserId)),
      ...(buttons.length ? [{ type: "actions", block_id: `nomination:${view.nominationId}`, elements: buttons }] : []),
    ],
  };
}

export function renderNomineeDm(view: NomineeDmView) {
  return {
    text: truncate(`${escapeText(view.nominator.displayName)} nominated you for a wow moment`, LIMITS.messageText),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `:star2: ${mention(view.nominator.platformUserId)} nominated you for a *wow moment*:` } },
      ...storyBlocks(view.story),
      ...details(view.behaviours, view.reference),
    ],
  };
}

export function confirmationText(view: NominationConfirmationView): string {
  const where = view.postChannel ? ` It's being posted in <#${view.postChannel}>, and they'll get a DM.` : " They'll get a DM.";
  const already = view.replayed ? " (You had already sent this one; nothing new was created.)" : "";
  return `:white_check_mark: Your wow nomination for ${mention(view.nominee.platformUserId)} is in.${where}${already}`;
}
