// Quick-score views, platform-neutral: the agent's DM with the score, every answer and the coaching note.
import { answerLabel, attemptsLabel, type INTERACTION_CHANNELS, QUESTIONS, type ScoreAnswers } from "../domain/scorecard.js";
import type { PersonRef } from "./nomination.js";

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
