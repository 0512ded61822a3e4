// Property-based fuzzing of every ingest endpoint (POST /api/v1/service-level, /chat-sessions, /attendance) with an
// authenticated caller: arbitrary JSON and non-JSON bodies, arbitrary rows, and valid batches with one field of one row
// broken. Never a 5xx; every refusal says what is wrong (422s name the row and field); nothing is saved when refused.
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/app/api-tokens.js";
import { ATTENDANCE_FIELDS, attendanceRow, CHAT_SESSION_FIELDS, chatSessionRow, SERVICE_LEVEL_FIELDS, serviceLevelRow } from "../../src/app/ingest-rows.js";
import { ApiTokenRepository } from "../../src/db/api-token.repository.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import { errorLinesSince, FUZZ_RUNS, genericIn, looseValue, nastyString, oddDate, stillServing, wrongType } from "../support/fuzz.js";
import { startTestService, type TestService } from "../support/service.js";

let t: TestService;
let secret: string;
let logMark = 0;

interface Answer {
  status: number;
  body: { error?: string; message?: string; problems?: Array<{ index: number; field: string; reason: string }> } & Record<string, unknown>;
}

async function post(path: string, body: string, contentType = "application/json"): Promise<Answer> {
  const res = await fetch(`${t.url}/api/v1/${path}`, {
    method: "POST",
    headers: { "content-type": contentType, authorization: `Bearer ${secret}` },
    body,
  });
  const text = await res.text();
  let parsed: Answer["body"] = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { unparsed: text };
  }
  return { status: res.status, body: parsed };
}

/** Every row the ingest API can write, and the outbox and ledger it may touch: equal before and after a refusal. */
const stored = async () =>
  Promise.all([
    t.prisma.serviceLevelDay.count(),
    t.prisma.chatSession.count(),
    t.prisma.attendanceOccurrence.count(),
    t.prisma.ptoLedgerEntry.count(),
    t.prisma.outbox.count(),
  ]);

/** A refusal is JSON with a stable code and a message that says what is wrong, never a generic one. */
function expectSpecificRefusal(a: Answer, rows: unknown[] | null, fields: readonly string[]) {
  expect(a.status, JSON.stringify(a.body).slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(a.status, JSON.stringify(a.body).slice(0, 300)).toBeLessThan(500);
  expect(typeof a.body.error).toBe("string");
  expect(String(a.body.message ?? "").trim()).not.toBe("");
  expect(genericIn(JSON.stringify(a.body))).toEqual([]);
  if (a.status === 422) {
    expect(a.body.problems?.length).toBeGreaterThan(0);
    for (const p of a.body.problems ?? []) {
      expect(Number.isInteger(p.index) && p.index >= 0 && (rows === null || p.index < rows.length)).toBe(true);
      // The field is one of the format's, "row", or a key the row really has (an unknown one, quoted as sent).
      const row = rows?.[p.index];
      const keys = row && typeof row === "object" ? Object.keys(row) : [];
      expect([...fields, "row", ...keys]).toContain(p.field);
      expect(p.reason.trim()).not.toBe("");
    }
  }
}

/** Each endpoint's row fields and row schema (to know whether a broken row is certainly wrong on its own). */
const ENDPOINTS = [
  { path: "service-level", fields: SERVICE_LEVEL_FIELDS as readonly string[], schema: serviceLevelRow as { safeParse(v: unknown): { success: boolean } } },
  { path: "chat-sessions", fields: CHAT_SESSION_FIELDS as readonly string[], schema: chatSessionRow },
  { path: "attendance", fields: ATTENDANCE_FIELDS as readonly string[], schema: attendanceRow },
];

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 UTC.
  t = await startTestService({ slack: false });
  const ws = await new WorkspaceRepository(t.service.db).ensure({ platform: "slack", externalId: "T_FUZZ", name: "Fuzz", timezone: "Europe/Berlin" });
  const members = new MemberRepository(t.service.db);
  const joined = new Date("2025-01-01T00:00:00Z");
  await members.upsert({ workspaceId: ws.id, platformUserId: "U_ADA", displayName: "Ada", email: "ada@example.com" }, "agent", joined);
  await members.upsert({ workspaceId: ws.id, platformUserId: "U_BOB", displayName: "Bob", email: "bob@example.com" }, "agent", joined);
  await members.upsert({ workspaceId: ws.id, platformUserId: "U_BOT", displayName: "Bot", isBot: true }, "agent", joined);
  await members.upsert({ workspaceId: ws.id, platformUserId: "U_GONE", displayName: "Gone", active: false }, "agent", joined);
  const created = await createApiToken({ tokens: new ApiTokenRepository(t.prisma), clock: t.clock }, { workspace: ws, actor: "cli", name: "fuzz" });
  if (!created.ok) throw new Error(created.error.message);
  secret = created.value.secret;
  logMark = t.logs.length;
}, 120_000);

afterEach(async () => {
  expect(errorLinesSince(t.logs, logMark)).toEqual([]);
  logMark = t.logs.length;
  expect(await stillServing(t.url)).toEqual({ healthz: 200, readyz: 200 });
});
afterAll(() => t?.stop());

/** Bodies of every shape: any JSON value, any value JSON can carry, text that is not JSON, near-misses of { rows }. */
const anyBody = fc.oneof(
  fc.json(),
  fc.anything().map((v) => JSON.stringify(v) ?? ""),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom(
    "",
    "{",
    '{"rows":',
    '{"rows": [1,]}',
    "null",
    "[]",
    '{"rows": null}',
    '{"rows": {}}',
    '{"rows": [], "extra": 1}',
    '{"__proto__": {"rows": []}}',
  ),
  fc.record({ rows: fc.array(fc.anything(), { maxLength: 5 }) }).map((b) => JSON.stringify(b)),
);

describe("every ingest endpoint with arbitrary bodies", () => {
  it.each(ENDPOINTS.map((e) => [e.path, e] as const))(
    "POST /api/v1/%s never answers 5xx, says what is wrong and saves nothing when it refuses",
    async (_, { path, fields }) => {
      const rowOf = fc.dictionary(fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 8 })), fc.oneof(looseValue, oddDate, fc.jsonValue()), {
        maxKeys: 6,
      });
      const body = fc.oneof(
        anyBody,
        fc.array(rowOf, { maxLength: 4 }).map((rows) => JSON.stringify({ rows })),
      );
      const contentType = fc.oneof(
        { weight: 5, arbitrary: fc.constant("application/json") },
        {
          weight: 1,
          arbitrary: fc.constantFrom("text/plain", "application/json; charset=latin1", "application/x-www-form-urlencoded", "application/json; charset=utf-8"),
        },
      );
      await fc.assert(
        fc.asyncProperty(body, contentType, async (b, type) => {
          const before = await stored();
          const from = t.logs.length;
          const answer = await post(path, b, type);
          expect(answer.status).toBeLessThan(500);
          if (answer.status !== 200) {
            let rows: unknown[] | null = null;
            try {
              const parsed = JSON.parse(b) as { rows?: unknown };
              rows = Array.isArray(parsed?.rows) ? parsed.rows : null;
            } catch {}
            expectSpecificRefusal(answer, rows, fields);
            expect(await stored()).toEqual(before);
          }
          expect(errorLinesSince(t.logs, from)).toEqual([]);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
  );
});

const member = fc.constantFrom("U_ADA", "U_BOB", "ada@example.com", "BOB@example.com");
/** A past day, 2025-03-03 to 2026-03-01 (today is 2 March 2026). */
const pastDay = fc.integer({ min: 1, max: 364 }).map((n) => new Date(Date.UTC(2026, 2, 2 - n)).toISOString().slice(0, 10));
const VALID_ROW = {
  "service-level": fc
    .tuple(member, pastDay, fc.integer({ min: 0, max: 86_400 }), fc.integer({ min: 0, max: 86_400 }))
    .map(([m, date, a, b]) => ({ member: m, date, customerFacingSeconds: Math.min(a, b), availableSeconds: Math.max(a, b) })),
  "chat-sessions": fc
    .tuple(member, fc.uuid(), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 3_600 }), fc.integer({ min: 0, max: 3_600 }))
    .map(([m, sessionId, start, left, closed]) => {
      const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString();
      return { member: m, sessionId, startedAt: at(start), customerLeftAt: at(start + left), agentClosedAt: at(start + left + closed) };
    }),
  attendance: fc
    .tuple(member, pastDay, fc.constantFrom("absent", "late", "excused", "Absence"), fc.option(fc.string({ maxLength: 40 })))
    .map(([m, date, type, note]) => ({ member: m, date, type, note })),
} as const;

/** How one field of one row is broken: a bad value (any type, an odd date or number), removed, or an extra field. */
const breakage = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .oneof(wrongType, nastyString, oddDate, fc.constantFrom(-1, 86_401, 0.5, 1e21, -0, "", "U_GONE", "U_BOT", "nobody@example.com"))
      .map((value) => ({ kind: "value" as const, value })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "remove" as const }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).map((name) => ({ kind: "extra" as const, name })) },
);

describe("every ingest endpoint with one field of one row broken", () => {
  it.each(ENDPOINTS.map((e) => [e.path, e] as const))(
    "POST /api/v1/%s refuses the batch naming that row and field, and saves nothing",
    async (_, { path, fields, schema }) => {
      const valid = VALID_ROW[path as keyof typeof VALID_ROW] as fc.Arbitrary<Record<string, unknown>>;
      const rows = fc.array(valid, { minLength: 1, maxLength: 5 });
      await fc.assert(
        fc.asyncProperty(rows, fc.nat(), fc.constantFrom(...fields), breakage, async (good, at, field, broken) => {
          const index = at % good.length;
          const batch: Array<Record<string, unknown>> = good.map((r) => ({ ...r }));
          const row = batch[index] as Record<string, unknown>;
          let named = field;
          if (broken.kind === "value") row[field] = broken.value;
          else if (broken.kind === "remove") delete row[field];
          else if (!fields.includes(broken.name)) {
            named = broken.name;
            Object.defineProperty(row, broken.name, { value: 1, enumerable: true });
          }
          const before = await stored();
          const from = t.logs.length;
          const answer = await post(path, JSON.stringify({ rows: batch }));
          expect([200, 422], JSON.stringify(answer.body).slice(0, 300)).toContain(answer.status);
          // A row its own format refuses is always refused by name; a value the format takes (a string where one is
          // expected) may still be refused for what it says (an unknown member), or saved.
          const wrongOnItsOwn = !schema.safeParse(row).success;
          if (wrongOnItsOwn) expect(answer.status).toBe(422);
          if (answer.status === 422) {
            expectSpecificRefusal(answer, batch, fields);
            const own = (answer.body.problems ?? []).filter((p) => p.index === index).map((p) => p.field);
            if (wrongOnItsOwn) expect(own.length, `row ${index} not named: ${JSON.stringify(answer.body.problems)}`).toBeGreaterThan(0);
            if (broken.kind !== "value" && wrongOnItsOwn) expect(own).toContain(named);
            expect(await stored()).toEqual(before);
          }
          expect(errorLinesSince(t.logs, from)).toEqual([]);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
  );
});
