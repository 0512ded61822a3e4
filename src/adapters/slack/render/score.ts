// Block Kit for quick scores: the Happiness Experience Form modal and the agent's DM.
import { INTERACTION_CHANNELS, NOTE_MAX, QUESTIONS, SCORE_REFERENCE_MAX } from "../../../domain/scorecard.js";
import type { ScoreDmView } from "../../../views/score.js";
import { doneModal, option } from "./blocks.js";
import { LIMITS, truncate } from "./limits.js";
import { escapeText, mention, quote, referenceText } from "./text.js";

export const SCORE_MODAL = "score.submit";
export const SCORE_FIELDS = {
  agent: "agent",
  reference: "reference",
  channel: "channel",
  connection: "connection",
  rapport: "rapport",
  unstatedNeeds: "unstatedNeeds",
  wow: "wow",
  note: "note",
} as const;

const YES_PARTLY_NO_NA = [option("yes", "Yes"), option("partly", "Partly"), option("no", "No"), option("na", "N.a.")];

function radioBlock(block: string, label: string, options: ReturnType<typeof option>[]) {
  return { type: "input", block_id: block, label: { type: "plain_text", text: label }, element: { type: "radio_buttons", action_id: block, options } };
}

export function scoreModal(input: { agent?: string; reference?: string | null }) {
  const questionLabel = (key: string) => QUESTIONS.find((q) => q.key === key)?.label ?? key;
  return {
    type: "modal" as const,
    callback_id: SCORE_MODAL,
    title: { type: "plain_text" as const, text: "Quick score" },
    submit: { type: "plain_text" as const, text: "Save score" },
    close: { type: "plain_text" as const, text: "Cancel" },
    blocks: [
      {
        type: "input",
        block_id: SCORE_FIELDS.agent,
        label: { type: "plain_text", text: "Agent" },
        element: { type: "users_select", action_id: SCORE_FIELDS.agent, ...(input.agent ? { initial_user: input.agent } : {}) },
      },
      {
        type: "input",
        block_id: SCORE_FIELDS.reference,
        label: { type: "plain_text", text: "Interaction reference" },
        hint: { type: "plain_text", text: "Ticket, call or chat id, or a link. Scoring the same one again replaces your earlier score." },
        element: {
          type: "plain_text_input",
          action_id: SCORE_FIELDS.reference,
          max_length: SCORE_REFERENCE_MAX,
          ...(input.reference ? { initial_value: input.reference.slice(0, SCORE_REFERENCE_MAX) } : {}),
        },
      },
      {
        type: "input",
        block_id: SCORE_FIELDS.channel,
        label: { type: "plain_text", text: "Channel" },
        element: {
          type: "static_select",
          action_id: SCORE_FIELDS.channel,
          options: INTERACTION_CHANNELS.map((c) => option(c, c[0]?.toUpperCase() + c.slice(1))),
        },
      },
      radioBlock(SCORE_FIELDS.connection, `1. ${questionLabel("connection")}`, [option("0", "0"), option("1", "1"), option("2", "2 or more")]),
      radioBlock(SCORE_FIELDS.rapport, `2. ${questionLabel("rapport")}`, YES_PARTLY_NO_NA),
      radioBlock(SCORE_FIELDS.unstatedNeeds, `3. ${questionLabel("unstatedNeeds")}`, YES_PARTLY_NO_NA),
      radioBlock(SCORE_FIELDS.wow, `4. ${questionLabel("wow")}`, YES_PARTLY_NO_NA),
      {
        type: "input",
        block_id: SCORE_FIELDS.note,
        optional: true,
        label: { type: "plain_text", text: "Coaching note" },
        element: { type: "plain_text_input", action_id: SCORE_FIELDS.note, multiline: true, max_length: NOTE_MAX },
      },
    ],
  };
}

export const scoreSavedModal = (text: string) => doneModal("Score saved", text);

export function renderScoreDm(view: ScoreDmView) {
  const verdict = view.metGoal ? `:dart: That meets the goal of ${view.goal}.` : `The goal is ${view.goal}.`;
  const answers = view.answers.map((a) => `• ${escapeText(a.question)}: *${escapeText(a.answer)}*`).join("\n");
  return {
    text: truncate(`Your interaction ${escapeText(view.reference)} scored ${view.score}/100`, LIMITS.messageText),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: truncate(
            `:clipboard: ${mention(view.scorer.platformUserId)} scored your ${escapeText(view.channel)} interaction ${referenceText(view.reference)}: *${view.score}/100*. ${verdict}`,
            LIMITS.sectionText,
          ),
        },
      },
      { type: "section", text: { type: "mrkdwn", text: answers } },
      ...(view.note
        ? [{ type: "section", text: { type: "mrkdwn", text: truncate(`*Coaching note*\n${quote(escapeText(view.note))}`, LIMITS.sectionText) } }]
        : []),
    ],
  };
}
