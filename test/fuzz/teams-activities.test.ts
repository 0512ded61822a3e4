// Property-based fuzzing of POST /api/messages (Teams, unauthenticated test mode): arbitrary message texts and card
// values, and invokes (task/fetch, task/submit, adaptiveCard/action, unknown names) with broken data. Never a 5xx,
// never an error-level log line (the turn-error handler), never the generic "something went wrong" answer.
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { anId, errorLinesSince, FUZZ_RUNS, genericIn, looseValue, nastyString, oddDate, oddNumberText, stillServing, wrongType } from "../support/fuzz.js";
import { startTestService, type TestService } from "../support/service.js";
import type { Activity, Place } from "../support/teams-requests.js";

const user = (n: number, name: string): FakeTeamsUser => ({ id: `29:account-${n}`, aadObjectId: `ffffffff-0000-4000-8000-00000000000${n}`, name });
const boss = user(1, "Boss Admin");
const lena = user(2, "Lena Lead");
const ada = user(3, "Ada Agent");
const PEOPLE = [boss, lena, ada];

let t: TestService;
let logMark = 0;
let realIds: string[] = [];

const person = fc.constantFrom(...PEOPLE);
const place: fc.Arbitrary<Place> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "personal" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "channel" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "groupChat" as const }) },
);
const word = fc.oneof(
  fc.constantFrom(
    "wow",
    "score",
    "pto",
    "attendance",
    "wowbot",
    "help",
    "settings",
    "role",
    "token",
    "create",
    "stats",
    "export",
    "digest",
    "absent",
    "late",
    "lead",
  ),
  fc.constantFrom(...PEOPLE.map((p) => `@${p.name}`), "<at>Nobody</at>", "@"),
  oddDate,
  oddNumberText,
  nastyString,
);
const messageText = fc.oneof({ weight: 3, arbitrary: fc.array(word, { maxLength: 6 }).map((w) => w.join(" ")) }, { weight: 1, arbitrary: nastyString });

const ACTION_IDS = [
  "nomination.second",
  "nomination.retract",
  "nomination.remove",
  "pto.approve",
  "pto.decline",
  "pto.cancel",
  "attendance.delete",
  "form.open",
  "form.submit",
];
const FORMS = ["form.nomination", "form.score", "form.attendance", "form.paid_day", "form.settings"];
const FIELDS = [
  "nominee",
  "story",
  "reference",
  "behaviours",
  "agent",
  "channel",
  "connection",
  "rapport",
  "unstatedNeeds",
  "wow",
  "note",
  "member",
  "date",
  "type",
];

/** Card data as a card might send it, or broken: the action id, form and ids right or wrong, any field any type. */
const cardData = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.constantFrom(...ACTION_IDS), looseValue),
        fc.oneof(fc.constantFrom(...FORMS), looseValue),
        fc.dictionary(
          fc.oneof(fc.constantFrom("nominationId", "requestId", "occurrenceId", "dialog"), fc.constantFrom(...FIELDS), fc.string({ maxLength: 6 })),
          fc.oneof(
            anId(() => realIds),
            fc.constantFrom(...PEOPLE.map((p) => p.aadObjectId)),
            looseValue,
          ),
          { maxKeys: 8 },
        ),
      )
      .map(([wowbot, form, rest]) => ({ ...rest, wowbot, form })),
  },
  { weight: 1, arbitrary: wrongType },
);

/** Everything the bot sent since `from` (replies, proactive messages), as JSON. */
const sentSince = (from: number) => t.fakeTeams.activities.slice(from).map((a) => JSON.stringify(a.activity));

/** An activity posted: a 2xx or 4xx, no error logged, no generic answer in the response or anything sent. */
/** The body limit of /api/messages (express.json's "1mb"). */
const TEAMS_BODY_LIMIT_BYTES = 1024 * 1024;

async function expectHandled(activity: Activity) {
  const logsFrom = t.logs.length;
  const sentFrom = t.fakeTeams.activities.length;
  const { status, body } = await t.teams.post(activity);
  if (Buffer.byteLength(JSON.stringify(activity)) > TEAMS_BODY_LIMIT_BYTES) {
    // A huge generated string can push the body past the limit: that is refused whole, before any handler runs,
    // and the rest of the property (which is about handlers) does not apply to this run.
    expect(status).toBe(413);
    expect(body).toMatchObject({ error: "payload_too_large" });
    expect(sentSince(sentFrom)).toEqual([]);
    fc.pre(false);
  }
  expect(status, JSON.stringify(body).slice(0, 300)).toBeLessThan(500);
  expect(errorLinesSince(t.logs, logsFrom)).toEqual([]);
  for (const sent of [JSON.stringify(body ?? null), ...sentSince(sentFrom)]) expect(genericIn(sent), sent.slice(0, 300)).toEqual([]);
  return { status, body, sent: sentSince(sentFrom) };
}

beforeAll(async () => {
  t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: boss.aadObjectId } });
  for (const u of PEOPLE) {
    t.fakeTeams.addMember(u);
    await t.teams.post(t.teams.message(u, "help"));
  }
  await t.teams.post(t.teams.message(boss, `wowbot role @${lena.name} lead`, { mentions: [lena] }));
  const ws = await t.prisma.workspace.findFirstOrThrow();
  const member = (u: FakeTeamsUser) => t.prisma.member.findFirstOrThrow({ where: { platformUserId: u.aadObjectId } });
  const [agent, lead] = [await member(ada), await member(lena)];
  const n = await t.prisma.nomination.create({
    data: { workspaceId: ws.id, nomineeId: agent.id, nominatorId: lead.id, story: "Rebooked a whole family after the storm, calmly and kindly." },
  });
  const r = await t.prisma.ptoRequest.create({ data: { workspaceId: ws.id, memberId: agent.id, date: new Date("2026-03-20"), hours: 8 } });
  const o = await t.prisma.attendanceOccurrence.create({
    data: { workspaceId: ws.id, memberId: agent.id, date: new Date("2026-02-27"), type: "late", points: 0.5, recordedBy: lena.aadObjectId },
  });
  realIds = [n.id, r.id, o.id, ws.id];
  logMark = t.logs.length;
}, 120_000);

afterEach(async () => {
  expect(errorLinesSince(t.logs, logMark)).toEqual([]);
  logMark = t.logs.length;
  expect(await stillServing(t.url)).toEqual({ healthz: 200, readyz: 200 });
});
afterAll(() => t?.stop());

describe("Teams messages with arbitrary text and card values", () => {
  it("a typed message of any text, from any place, is answered without a server error or a generic reply", async () => {
    await fc.assert(
      fc.asyncProperty(person, messageText, place, async (from, text, where) => {
        const mentions = PEOPLE.filter((p) => text.includes(`@${p.name}`));
        const { sent } = await expectHandled(t.teams.message(from, text, { place: where, mentions }));
        expect(sent.length, "the person got no answer").toBeGreaterThan(0);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("an Action.Submit message with any card data is answered without a server error or a generic reply", async () => {
    await fc.assert(
      fc.asyncProperty(person, cardData, async (from, value) => {
        await expectHandled(t.teams.message(from, "", { value }));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("Teams invokes with broken data", () => {
  it.each(["task/fetch", "task/submit"])("%s with any data answers 200 without a generic reply", async (name) => {
    const value = fc.oneof(
      { weight: 4, arbitrary: cardData.map((data) => ({ data, context: { theme: "default" } })) },
      { weight: 1, arbitrary: fc.oneof(wrongType, fc.constant(undefined)) },
    );
    await fc.assert(
      fc.asyncProperty(person, value, place, async (from, v, where) => {
        const { status } = await expectHandled(t.teams.invoke(from, name, v, { place: where }));
        expect(status).toBe(200);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it.each(FORMS)("a %s dialog opened and submitted with arbitrary inputs answers 200 without a generic reply", async (form) => {
    const inputs = fc.dictionary(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }),
      fc.oneof(fc.constantFrom(...PEOPLE.map((p) => p.aadObjectId)), oddDate, oddNumberText, looseValue),
      { maxKeys: 10 },
    );
    const dialog = fc.oneof(fc.uuid(), looseValue);
    await fc.assert(
      fc.asyncProperty(person, inputs, dialog, async (from, values, id) => {
        const opened = await expectHandled(t.teams.taskFetch(from, { wowbot: "form.open", form, ...values }));
        expect(opened.status).toBe(200);
        const sent = await expectHandled(t.teams.taskSubmit(from, { ...values, wowbot: "form.submit", form, dialog: id }));
        expect(sent.status).toBe(200);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("adaptiveCard/action with any verb and data answers 200 without a generic reply", async () => {
    const value = fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.oneof(fc.constantFrom(...ACTION_IDS), looseValue), cardData)
          .map(([verb, data]) => ({ action: { type: "Action.Execute", verb, data }, trigger: "manual" })),
      },
      { weight: 1, arbitrary: fc.oneof(wrongType, fc.constant(undefined), fc.record({ action: wrongType })) },
    );
    await fc.assert(
      fc.asyncProperty(person, value, async (from, v) => {
        const { status } = await expectHandled(t.teams.invoke(from, "adaptiveCard/action", v));
        expect(status).toBe(200);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("an invoke of a name wowbot does not handle answers 200 or 400, never a server error", async () => {
    const name = fc.oneof(
      fc.constantFrom(
        "composeExtension/query",
        "composeExtension/fetchTask",
        "actionableMessage/executeAction",
        "signin/verifyState",
        "config/fetch",
        "tab/fetch",
        "unknown",
      ),
      nastyString,
    );
    await fc.assert(
      fc.asyncProperty(person, name, fc.oneof(cardData, fc.constant(undefined)), async (from, n, v) => {
        const { status } = await expectHandled(t.teams.invoke(from, n, v));
        expect([200, 400]).toContain(status);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
