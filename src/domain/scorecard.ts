// The Happiness Experience Form: four questions scored on a 100-point scale (PRODUCT.md section 2).

export type Attempts = 0 | 1 | 2;
export type Answer = "yes" | "partly" | "no" | "na";

export const ATTEMPTS: readonly Attempts[] = [0, 1, 2];
export const ANSWERS: readonly Answer[] = ["yes", "partly", "no", "na"];
export const INTERACTION_CHANNELS = ["phone", "chat", "email", "social"] as const;
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];

export interface ScoreAnswers {
  /** Personal emotional connection attempts: 0, 1, or 2 meaning "2 or more" (the goal is to try twice). */
  connection: Attempts;
  rapport: Answer;
  unstatedNeeds: Answer;
  wow: Answer;
}

export interface ScoreWeights {
  connection: number;
  rapport: number;
  unstatedNeeds: number;
  wow: number;
}

export const QUESTIONS: ReadonlyArray<{ key: keyof ScoreAnswers; label: string }> = [
  { key: "connection", label: "Personal emotional connection attempts" },
  { key: "rapport", label: "Kept the rapport going after the customer responded" },
  { key: "unstatedNeeds", label: "Addressed unstated needs" },
  { key: "wow", label: "Delivered a wow experience" },
];

const ANSWER_CREDIT: Record<Exclude<Answer, "na">, number> = { yes: 1, partly: 0.5, no: 0 };
const ATTEMPT_CREDIT: Record<Attempts, number> = { 0: 0, 1: 0.5, 2: 1 };

/**
 * round(100 x sum(weight x credit) / sum(weight of answered questions)); an n.a. answer leaves both sums.
 * Returns null when no weighted question was answered (nothing to score).
 */
export function computeScore(answers: ScoreAnswers, weights: ScoreWeights): number | null {
  let earned = ATTEMPT_CREDIT[answers.connection] * weights.connection;
  let possible = weights.connection;
  for (const key of ["rapport", "unstatedNeeds", "wow"] as const) {
    const answer = answers[key];
    if (answer === "na") continue;
    earned += ANSWER_CREDIT[answer] * weights[key];
    possible += weights[key];
  }
  if (possible === 0) return null;
  return Math.round((100 * earned) / possible);
}

export function answerLabel(answer: Answer): string {
  return answer === "na" ? "n.a." : answer;
}

export function attemptsLabel(attempts: Attempts): string {
  return attempts === 2 ? "2 or more" : String(attempts);
}
