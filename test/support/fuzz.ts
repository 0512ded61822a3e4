// What the fuzz tests share: arbitraries for hostile input (unicode, huge strings, wrong types, impossible dates,
// extreme numbers, ids that do not exist), the generic answers a person must never get for bad input, and the
// checks that the service is still well after a run (no error-level log line, /healthz and /readyz answer).
import fc from "fast-check";
import { NOT_PROVISIONED } from "../../src/chat/request.js";
import { SOMETHING_WENT_WRONG } from "../../src/views/notice.js";

/**
 * Answers that say nothing about what was wrong: the Teams turn-error text, "couldn't look you up" (for a person
 * who exists, it hides the real problem), Express's catch-all body. Bad input must get a specific answer instead.
 */
export const GENERIC_ANSWERS = [SOMETHING_WENT_WRONG, NOT_PROVISIONED, "internal_error", "Internal Server Error", "went wrong"];

/** The generic answers found in `text` (none, for a specific answer). */
export const genericIn = (text: string) => GENERIC_ANSWERS.filter((g) => text.includes(g));

/** Calendar dates that are not, or are at the edges: 30 February, month 13, year 0, unpadded, far future. */
export const oddDate = fc.constantFrom(
  "2026-02-30",
  "2026-02-29",
  "2024-02-29",
  "2026-13-01",
  "2026-00-10",
  "0000-00-00",
  "9999-12-31",
  "1900-01-01",
  "2026-3-2",
  "2026-03-02T10:00:00Z",
  "02/03/2026",
  "2026-03-02",
  "2026-03-01",
  "",
);

/** Numbers as text that break naive parsing: negative, huge, fractional, exponent, not a number at all. */
export const oddNumberText = fc.oneof(
  fc.constantFrom("-1", "0", "-0", "1e308", "1e-308", "Infinity", "-Infinity", "NaN", "0x10", "1_000", "3.14159", " 7 ", "١٢", "", "99999999999999999999"),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Strings a person or a broken client could send: any unicode, control characters, markup, mentions, huge ones. */
export const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "<!channel>",
      "<!here|here>",
      "<@U0AGENT>",
      "<@U0NOBODY|nobody>",
      "<#C0TEAM|team>",
      "&lt;&gt;&amp;",
      "\u0000\u0001\u001f",
      "\u202e\u200b\ufeff",
      "🧨💥👩‍👩‍👧‍👦",
      'Robert\'); DROP TABLE "Member";--',
      "$" + "{7*7}{{7*7}}", // a template placeholder, left unexpanded
      "__proto__",
      "constructor",
      "\ud800",
      " ",
    ),
  },
  { weight: 1, arbitrary: oddDate },
  { weight: 1, arbitrary: oddNumberText },
  // Huge: past every length limit in the product (stories, notes, references, token names).
  {
    weight: 1,
    arbitrary: fc.tuple(fc.string({ unit: "grapheme", minLength: 1, maxLength: 3 }), fc.integer({ min: 2_000, max: 40_000 })).map(([s, n]) => s.repeat(n)),
  },
);

/** Any JSON value, including wrong types where a string is expected. */
export const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A string, usually nasty, sometimes a value of the wrong type, sometimes absent (undefined: the key is left out). */
export const looseValue = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 2, arbitrary: wrongType },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** Ids: `real` ones (that exist), random uuids (that do not), and nasty strings. */
export const anId = (real: () => string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 1_000 }).map((i) => real()[i % Math.max(real().length, 1)] ?? "") },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: nastyString },
  );

interface LogLine {
  level?: unknown;
  msg?: unknown;
  err?: { stack?: unknown; message?: unknown };
}

/** Error-level log lines written since `from` (the index in the captured logs), as short descriptions. */
export function errorLinesSince(logs: ReadonlyArray<Record<string, unknown>>, from: number): string[] {
  return logs
    .slice(from)
    .map((l) => l as LogLine)
    .filter((l) => l.level === "error" || l.level === "fatal")
    .map((l) => `${String(l.msg)}: ${String(l.err?.message ?? "")}`);
}

/** The service still answers: liveness and readiness (the database too). */
export async function stillServing(url: string): Promise<{ healthz: number; readyz: number }> {
  const [healthz, readyz] = await Promise.all([fetch(`${url}/healthz`), fetch(`${url}/readyz`)]);
  await Promise.all([healthz.text(), readyz.text()]);
  return { healthz: healthz.status, readyz: readyz.status };
}

/** Runs per property: few enough for a file to finish in about 30 s on a loaded 2-core machine (FUZZ_RUNS=200 for a deeper run). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 20);
