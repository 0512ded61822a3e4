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

export const NOTE_MAX = 1000;
export const SCORE_REFERENCE_MAX = 200;

export interface ScoreDraft {
  reference: string;
  channel: string;
  answers: { connection: number; rapport: string; unstatedNeeds: string; wow: string };
  note?: string | null;
}

export interface ValidScore {
  reference: string;
  channel: InteractionChannel;
  answers: ScoreAnswers;
  note: string | null;
}

/** Checks a quick-score form; returns the typed score or every problem, each tied to its field. */
export function validateScoreDraft(
  draft: ScoreDraft,
): { ok: true; value: ValidScore } | { ok: false; errors: Array<{ code: string; field: string; message: string }> } {
  const errors: Array<{ code: string; field: string; message: string }> = [];
  const reference = draft.reference.trim();
  if (!reference) errors.push({ code: "SCORE.REFERENCE_MISSING", field: "reference", message: "Say which interaction: a ticket, call or chat id, or a link." });
  if (reference.length > SCORE_REFERENCE_MAX) {
    errors.push({
      code: "SCORE.REFERENCE_TOO_LONG",
      field: "reference",
      message: `The reference can be at most ${SCORE_REFERENCE_MAX} characters (it has ${reference.length}).`,
    });
  }
  if (!INTERACTION_CHANNELS.includes(draft.channel as InteractionChannel)) {
    errors.push({ code: "SCORE.CHANNEL", field: "channel", message: "Choose the channel: phone, chat, email or social." });
  }
  if (!ATTEMPTS.includes(draft.answers.connection as Attempts)) {
    errors.push({ code: "SCORE.CONNECTION", field: "connection", message: "Question 1 needs an answer: 0, 1, or 2 or more (it can't be n.a.)." });
  }
  for (const key of ["rapport", "unstatedNeeds", "wow"] as const) {
    if (!ANSWERS.includes(draft.answers[key] as Answer)) errors.push({ code: "SCORE.ANSWER", field: key, message: "Answer yes, partly, no or n.a." });
  }
  const note = draft.note?.trim() || null;
  if (note && note.length > NOTE_MAX)
    errors.push({ code: "SCORE.NOTE_TOO_LONG", field: "note", message: `The coaching note can be at most ${NOTE_MAX} characters (it has ${note.length}).` });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      reference,
      channel: draft.channel as InteractionChannel,
      answers: {
        connection: draft.answers.connection as Attempts,
        rapport: draft.answers.rapport as Answer,
        unstatedNeeds: draft.answers.unstatedNeeds as Answer,
        wow: draft.answers.wow as Answer,
      },
      note,
    },
  };
}

type ScoreProblem = { code: string; field: string; message: string };

/**
 * A draft checked and scored with `weights`: the checked answers and the points, or the first problem (a field's, or
 * "nothing answered" when every weighted question is n.a.). Quick scores and calibration scores both score this way.
 */
export function scoreDraft(draft: ScoreDraft, weights: ScoreWeights): { ok: true; value: ValidScore; score: number } | { ok: false; error: ScoreProblem } {
  const valid = validateScoreDraft(draft);
  if (!valid.ok) return { ok: false, error: valid.errors[0] as ScoreProblem };
  const score = computeScore(valid.value.answers, weights);
  if (score === null) {
    return {
      ok: false,
      error: {
        code: "SCORE.NOTHING_ANSWERED",
        field: "rapport",
        message: "Every weighted question is n.a., so there's nothing to score. Answer at least one.",
      },
    };
  }
  return { ok: true, value: valid.value, score };
}
