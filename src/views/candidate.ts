// Customer-voiced wows, platform-neutral: the candidate card before the agent's leads (Recognise / Dismiss, then who
// decided), the "from a customer" recognition post and the agent's DM. The customer is never named: only their words.
import type { CandidateDetail } from "../app/feedback.ports.js";
import { FEEDBACK_COMMENT_MAX } from "../domain/feedback.js";
import { actions, bold, emoji, type Message, note, person, quote, reference, type Text, t } from "./elements.js";

export interface CandidateCardView extends CandidateDetail {
  kind: "candidate.card";
}
export interface CandidatePostView extends CandidateDetail {
  kind: "candidate.post";
}
export interface CandidateAgentDmView extends CandidateDetail {
  kind: "candidate.agent_dm";
}

export const candidateCardView = (c: CandidateDetail): CandidateCardView => ({ kind: "candidate.card", ...c });
export const candidatePostView = (c: CandidateDetail): CandidatePostView => ({ kind: "candidate.post", ...c });
export const candidateAgentDmView = (c: CandidateDetail): CandidateAgentDmView => ({ kind: "candidate.agent_dm", ...c });

/** "CSAT 5/5 · NPS 10" and where and when: what the customer gave, without who they are. */
function ratingLine(c: CandidateDetail): Text {
  const ratings = [c.csat !== null ? `CSAT ${c.csat}/5` : null, c.nps !== null ? `NPS ${c.nps}/10` : null].filter(Boolean).join(" · ");
  const on = c.interactionRef ? t` on ${reference(c.interactionRef)}` : [];
  const via = c.channel ? ` (${c.channel})` : "";
  return t`${ratings}${on}${via}, ${c.receivedAt.toISOString().slice(0, 10)}`;
}

export function candidateCardMessage(view: CandidateCardView): Message {
  const blocks = [
    { kind: "text" as const, text: t`${emoji("star2")} A customer was delighted by ${person(view.agent)}. Recognise it as a wow?` },
    quote(view.comment, FEEDBACK_COMMENT_MAX),
    note(ratingLine(view)),
  ];
  if (view.status === "pending") {
    blocks.push(
      note(t`Undecided candidates expire on ${view.expiresAt.toISOString().slice(0, 10)}.`),
      actions(
        { label: "Recognise", emoji: "tada", action: { kind: "candidate.recognise", candidateId: view.id }, style: "primary" },
        { label: "Dismiss", action: { kind: "candidate.dismiss", candidateId: view.id } },
      ),
    );
  } else {
    const by = view.decidedBy ? t` by ${person(view.decidedBy)}` : [];
    const outcome =
      view.status === "recognised"
        ? t`${emoji("white_check_mark")} Recognised${by} as a wow from a customer.`
        : view.status === "dismissed"
          ? t`Dismissed${by}.`
          : t`${emoji("hourglass")} Expired undecided.`;
    blocks.push(note(outcome));
  }
  return { summary: t`A customer was delighted by ${person(view.agent)}`, blocks };
}

export function candidatePostMessage(view: CandidatePostView): Message {
  const on = view.interactionRef ? t` on ${reference(view.interactionRef)}` : [];
  return {
    summary: t`A wow from a customer for ${person(view.agent)}`,
    blocks: [
      { kind: "heading", text: t`${emoji("tada")} A wow from a customer for ${person(view.agent)}` },
      quote(view.comment, FEEDBACK_COMMENT_MAX),
      note(t`What a customer wrote${on}${view.decidedBy ? t`, recognised by ${person(view.decidedBy)}` : []}.`),
    ],
  };
}

export function candidateAgentDmMessage(view: CandidateAgentDmView): Message {
  const on = view.interactionRef ? t` about ${reference(view.interactionRef)}` : [];
  return {
    summary: t`A customer's words became a wow`,
    blocks: [
      {
        kind: "text",
        text: t`${emoji("raised_hands")} A customer's words${on} became a wow${view.decidedBy ? t`, recognised by ${person(view.decidedBy)}` : []}:`,
      },
      quote(view.comment, FEEDBACK_COMMENT_MAX),
      note(t`${bold("Thank you")} for making their day.`),
    ],
  };
}
