// Quick-score views, platform-neutral: the agent's DM with the score, every answer and the coaching note.

import { REVIEW_WINDOW_DAYS } from "../domain/review.js";
import { answerLabel, attemptsLabel, type INTERACTION_CHANNELS, QUESTIONS, type ScoreAnswers } from "../domain/scorecard.js";
import { actions, bold, emoji, fields, line, type Message, note, person, quote, reference, t } from "./elements.js";
import type { PersonRef } from "./person.js";

export interface ScoreFacts {
  id: string;
  agent: PersonRef;
  scorer: PersonRef;
  reference: string;
  channel: (typeof INTERACTION_CHANNELS)[number];
  answers: ScoreAnswers;
  score: number;
  goal: number;
  note: string | null;
}

export interface ScoreDmView {
  kind: "score.agent_dm";
  scoreId: string;
  scorer: PersonRef;
  reference: string;
  channel: string;
  score: number;
  goal: number;
  metGoal: boolean;
  answers: Array<{ question: string; answer: string }>;
  note: string | null;
}

export function scoreDmView(f: ScoreFacts): ScoreDmView {
  return {
    kind: "score.agent_dm",
    scoreId: f.id,
    scorer: f.scorer,
    reference: f.reference,
    channel: f.channel,
    score: f.score,
    goal: f.goal,
    metGoal: f.score >= f.goal,
    answers: QUESTIONS.map(({ key, label }) => ({
      question: label,
      answer: key === "connection" ? attemptsLabel(f.answers.connection) : answerLabel(f.answers[key]),
    })),
    note: f.note,
  };
}

export function scoreDmMessage(view: ScoreDmView): Message {
  const verdict = view.metGoal ? t`${emoji("dart")} That meets the goal of ${view.goal}.` : t`The goal is ${view.goal}.`;
  return {
    summary: t`Your interaction ${view.reference} scored ${view.score}/100`,
    blocks: [
      line(
        t`${emoji("clipboard")} ${person(view.scorer)} scored your ${view.channel} interaction ${reference(view.reference)}: ${bold(`${view.score}/100`)}. ${verdict}`,
      ),
      fields(view.answers.map((a) => ({ label: [a.question], value: [bold(a.answer)] }))),
      ...(view.note ? [line([bold("Coaching note")]), quote(view.note, 2900)] : []),
      // PRODUCT.md §9, "Reviews": the agent acknowledges the coaching, or disputes the score.
      note(t`Seen it? Say so. Disagree? Ask for a review within ${REVIEW_WINDOW_DAYS} days: a lead who didn't score it looks again.`),
      actions(
        { label: "Seen", action: { kind: "score.seen", scoreId: view.scoreId }, style: "primary" },
        { label: "Ask for a review", action: { kind: "score.review", scoreId: view.scoreId } },
      ),
    ],
  };
}
