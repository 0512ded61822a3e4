// Blind calibration (PRODUCT.md §9): several leads score one interaction without seeing each other's answers, until
// all have scored or the deadline (3 workdays later, same local time) passes; then each sees the comparison: every
// lead's answers and score, the spread and the agreement per question. Pure rules: the deadline and the comparison.
import { addDays, localDate, zonedInstant } from "./local-time.js";
import { isoWeekday } from "./period.js";
import { localTime } from "./schedule.js";
import { ANSWERS, ATTEMPTS, answerLabel, attemptsLabel, QUESTIONS, type ScoreAnswers } from "./scorecard.js";

/** How long the leads have to score, in workdays. */
export const CALIBRATION_WORKDAYS = 3;

/**
 * `count` workdays after `start`, at the same local time (minutes precision) in `timeZone`: started Friday 10:00 with
 * Monday-Friday workdays, 3 workdays later is Wednesday 10:00. The start day itself never counts; with no workdays
 * given every day counts.
 */
export function addWorkdays(start: Date, count: number, timeZone: string, workdays: readonly number[]): Date {
  const counts = (date: string) => workdays.length === 0 || workdays.includes(isoWeekday(date));
  let date = localDate(start, timeZone);
  for (let left = count; left > 0; ) {
    date = addDays(date, 1);
    if (counts(date)) left--;
  }
  return zonedInstant(date, localTime(start, timeZone), timeZone);
}

export const calibrationDeadline = (start: Date, timeZone: string, workdays: readonly number[]) => addWorkdays(start, CALIBRATION_WORKDAYS, timeZone, workdays);

/** One lead's seat as the comparison sees it: their answers and score once they scored, else null. */
export interface CalibrationSeat<P> {
  person: P;
  answers: ScoreAnswers | null;
  score: number | null;
}

export interface QuestionAgreement {
  question: string;
  /** The most common answer, as people read it ("yes", "2 or more"); ties go to the earlier answer on the form. */
  answer: string;
  /** How many gave that answer, of `of` leads who scored. */
  count: number;
  of: number;
}

export interface CalibrationComparison<P> {
  scored: Array<CalibrationSeat<P> & { answers: ScoreAnswers; score: number }>;
  /** Who never scored. */
  missing: P[];
  /** Highest minus lowest score; null when nobody scored. */
  spread: { max: number; min: number; points: number } | null;
  /** Per question, in the form's order; empty when nobody scored. */
  agreement: QuestionAgreement[];
}

export function compareCalibration<P>(seats: ReadonlyArray<CalibrationSeat<P>>): CalibrationComparison<P> {
  const scored = seats.filter((s): s is CalibrationSeat<P> & { answers: ScoreAnswers; score: number } => s.answers !== null && s.score !== null);
  const missing = seats.filter((s) => s.answers === null || s.score === null).map((s) => s.person);
  if (scored.length === 0) return { scored, missing, spread: null, agreement: [] };
  const scores = scored.map((s) => s.score);
  const max = Math.max(...scores);
  const min = Math.min(...scores);
  const agreement = QUESTIONS.map(({ key, label }): QuestionAgreement => {
    const options: readonly (string | number)[] = key === "connection" ? ATTEMPTS : ANSWERS;
    let best = options[0] as string | number;
    let bestCount = -1;
    for (const option of options) {
      const n = scored.filter((s) => s.answers[key] === option).length;
      if (n > bestCount) {
        best = option;
        bestCount = n;
      }
    }
    const answer = key === "connection" ? attemptsLabel(best as 0 | 1 | 2) : answerLabel(best as (typeof ANSWERS)[number]);
    return { question: label, answer, count: bestCount, of: scored.length };
  });
  return { scored, missing, spread: { max, min, points: max - min }, agreement };
}
