// Adaptive Card for a quick score: the agent's DM with the score, every answer and the coaching note.
import type { ScoreDmView } from "../../../views/score.js";
import { facts, messageCard, text } from "./elements.js";
import type { TeamsMessage } from "./message.js";
import { escapeText, Mentions, plainText, referenceText } from "./text.js";

export function renderScoreDm(view: ScoreDmView): TeamsMessage {
  const m = new Mentions();
  const verdict = view.metGoal ? `🎯 That meets the goal of ${view.goal}.` : `The goal is ${view.goal}.`;
  const body = [
    text(`📋 ${m.at(view.scorer)} scored your ${escapeText(view.channel)} interaction ${referenceText(view.reference)}: **${view.score}/100**. ${verdict}`),
    facts(view.answers.map((a) => ({ title: escapeText(a.question), value: `**${escapeText(a.answer)}**` }))),
    ...(view.note ? [text("**Coaching note**", { spacing: "Medium" }), text(escapeText(view.note), { spacing: "Small" })] : []),
  ];
  return { text: plainText(`Your interaction ${view.reference} scored ${view.score}/100`), card: messageCard(body, [], m) };
}
