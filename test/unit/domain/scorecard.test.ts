// The 100-point Happiness Experience score: PRODUCT.md's rules as table tests, and its invariants as properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANSWERS, type Answer, type Attempts, computeScore, type ScoreAnswers, type ScoreWeights } from "../../../src/domain/scorecard.js";

const equal: ScoreWeights = { connection: 25, rapport: 25, unstatedNeeds: 25, wow: 25 };

describe("computeScore", () => {
  it.each<[string, ScoreAnswers, number]>([
    ["everything perfect", { connection: 2, rapport: "yes", unstatedNeeds: "yes", wow: "yes" }, 100],
    ["nothing achieved", { connection: 0, rapport: "no", unstatedNeeds: "no", wow: "no" }, 0],
    ["one attempt is half credit", { connection: 1, rapport: "yes", unstatedNeeds: "yes", wow: "yes" }, 88],
    ["partly is half credit", { connection: 2, rapport: "partly", unstatedNeeds: "partly", wow: "partly" }, 63],
    ["n.a. leaves numerator and denominator", { connection: 2, rapport: "yes", unstatedNeeds: "na", wow: "no" }, 67],
    ["only question 1 answered", { connection: 1, rapport: "na", unstatedNeeds: "na", wow: "na" }, 50],
    ["mixed", { connection: 1, rapport: "partly", unstatedNeeds: "no", wow: "yes" }, 50],
  ])("%s", (_name, answers, expected) => {
    expect(computeScore(answers, equal)).toBe(expected);
  });

  it("uses the workspace's weights", () => {
    const weights = { connection: 40, rapport: 20, unstatedNeeds: 20, wow: 20 };
    expect(computeScore({ connection: 2, rapport: "no", unstatedNeeds: "no", wow: "no" }, weights)).toBe(40);
    expect(computeScore({ connection: 0, rapport: "yes", unstatedNeeds: "na", wow: "na" }, weights)).toBe(33);
  });

  it("returns null when no weighted question was answered", () => {
    expect(
      computeScore({ connection: 2, rapport: "na", unstatedNeeds: "na", wow: "na" }, { connection: 0, rapport: 100, unstatedNeeds: 0, wow: 0 }),
    ).toBeNull();
  });

  const attempts = fc.constantFrom<Attempts>(0, 1, 2);
  const answer = fc.constantFrom<Answer>(...ANSWERS);
  const answers = fc.record({ connection: attempts, rapport: answer, unstatedNeeds: answer, wow: answer });
  const weights = fc
    .tuple(fc.nat(100), fc.nat(100), fc.nat(100))
    .filter(([a, b, c]) => a + b + c <= 100)
    .map(([a, b, c]) => ({ connection: 100 - a - b - c, rapport: a, unstatedNeeds: b, wow: c }))
    .filter((w) => w.connection > 0);

  it("is always a whole number from 0 to 100", () => {
    fc.assert(
      fc.property(answers, weights, (a, w) => {
        const s = computeScore(a, w);
        return s !== null && Number.isInteger(s) && s >= 0 && s <= 100;
      }),
    );
  });

  it("never goes down when one answer improves", () => {
    const better: Record<Answer, Answer[]> = { no: ["partly", "yes"], partly: ["yes"], yes: [], na: [] };
    fc.assert(
      fc.property(answers, weights, fc.constantFrom("rapport", "unstatedNeeds", "wow" as const), (a, w, key) => {
        const before = computeScore(a, w) ?? 0;
        const improvedAttempts = computeScore({ ...a, connection: Math.min(2, a.connection + 1) as Attempts }, w) ?? 0;
        return improvedAttempts >= before && better[a[key]].every((b) => (computeScore({ ...a, [key]: b }, w) ?? 0) >= before);
      }),
    );
  });

  it("rescales n.a.: the score equals the score of the answered questions alone", () => {
    fc.assert(
      fc.property(answers, weights, (a, w) => {
        const zeroed = { ...w };
        for (const key of ["rapport", "unstatedNeeds", "wow"] as const) if (a[key] === "na") zeroed[key] = 0;
        const asAnswered = { ...a };
        for (const key of ["rapport", "unstatedNeeds", "wow"] as const) if (a[key] === "na") asAnswered[key] = "no";
        return computeScore(a, w) === computeScore(asAnswered, zeroed);
      }),
    );
  });
});
