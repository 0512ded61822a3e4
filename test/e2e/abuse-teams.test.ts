// Abuse of the Teams endpoint: tokens with a wrong audience or issuer (and forged, expired, missing ones), invoke
// names wowbot does not handle, and lead/admin dialogs and buttons forged by an agent. Each is refused (401, a clean
// 400, or a private refusal), logged with why, and changes no row; the connector receives nothing it should not.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerAndChanges, changesMadeBy } from "../support/db-snapshot.js";
import { startTestService, type TestService } from "../support/service.js";
import { CHANNEL_ISSUER, fixedTokenCredentials, LocalOpenId } from "../support/teams-auth.js";
import { at, shownText, TeamsTwin, teamsUser } from "../support/teams-twins.js";

const APP_ID = "5f2c1a9e-0000-4000-8000-00000000b07a";
const BOSS = teamsUser(1, "Bo Boss");
const LEAD = teamsUser(2, "Lena Lead");
const ADA = teamsUser(3, "Ada Agent");
const BEN = teamsUser(4, "Ben Agent");

describe("abuse: Teams tokens", () => {
  let openId: LocalOpenId;
  let t: TestService;
  const token = (options: { audience?: string; issuer?: string; expiresInSeconds?: number; forged?: boolean } = {}) =>
    openId.token({ audience: APP_ID, serviceUrl: t.fakeTeams.url, ...options });

  beforeAll(async () => {
    openId = await new LocalOpenId().start();
    t = await startTestService({
      slack: false,
      teams: true,
      env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "not-a-real-secret" },
      teamsAuth: { openIdMetadataUrl: openId.metadataUrl, credentialsFactory: fixedTokenCredentials(APP_ID) },
    });
    t.fakeTeams.addMember(ADA);
    // Ada is known (a good token once), so a refused request has something it could have changed.
    expect((await t.teams.post(t.teams.message(ADA, "help"), { token: await token() })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.stop();
    await openId?.stop();
  });
  beforeEach(() => {
    t.fakeTeams.clear();
    t.logs.length = 0;
  });

  const cases: Array<[string, () => Promise<string | undefined>]> = [
    ["no token", async () => undefined],
    ["a token for another bot (wrong audience)", () => token({ audience: "00000000-0000-4000-8000-000000000000" })],
    ["a token from another issuer", () => token({ issuer: "https://sts.windows.net/evil/" })],
    ["a token from an issuer that only looks right", () => token({ issuer: `${CHANNEL_ISSUER}.evil.example` })],
    ["a forged signature", () => token({ forged: true })],
    ["an expired token", () => token({ expiresInSeconds: -3600 })],
    ["a token that is not a JWT", async () => "not.a.jwt"],
  ];

  it.each(cases)("refuses %s with 401, logs why, and changes nothing", async (_what, make) => {
    const bearer = await make();
    for (const activity of [
      t.teams.message(ADA, `wow ${at(ADA)} forged`),
      t.teams.invoke(ADA, "adaptiveCard/action", { action: { type: "Action.Execute", verb: "pto.approve", data: {} } }),
    ]) {
      let status = 0;
      expect(
        await changesMadeBy(t.prisma, async () => {
          status = (await t.teams.post(activity, bearer ? { token: bearer } : {})).status;
        }),
      ).toEqual({});
      expect(status).toBe(401);
    }
    expect(t.fakeTeams.activities).toEqual([]);
    const refusals = t.logs.filter((l) => l.msg === "Teams request refused: its token was not accepted");
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toMatchObject({ level: "warn", reason: expect.any(String) });
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});

describe("abuse: Teams invokes and forged actions", () => {
  let t: TestService;
  let twin: TeamsTwin;
  const refusals = () => t.logs.filter((l) => l.msg === "chat request refused");

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    await twin.join([BOSS, LEAD, ADA, BEN]);
    await twin.makeLeads([LEAD]);
  });
  afterAll(() => t?.stop());
  beforeEach(() => {
    t.fakeTeams.clear();
    t.logs.length = 0;
  });

  it.each([
    "composeExtension/query",
    "composeExtension/fetchTask",
    "config/fetch",
    "tab/fetch",
    "actionableMessage/executeAction",
    "signin/verifyState",
    "handoff/action",
    "wowbot/doesNotExist",
  ])("answers the unhandled invoke %s with a clean 400, logged, changing nothing", async (name) => {
    const { answer, changes } = await answerAndChanges(t.prisma, () => t.teams.post(t.teams.invoke(ADA, name, { anything: "<!channel>" })));
    expect(changes).toEqual({});
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: "unknown_invoke" });
    expect(t.logs.filter((l) => l.msg === "Teams invoke refused: wowbot does not handle it")).toEqual([expect.objectContaining({ level: "info", name })]);
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
    expect(t.fakeTeams.activities).toEqual([]);
  });

  it.each<[string, string, string, number, string, string]>([
    ["an empty object", "application/json", "{}", 400, "invalid_activity", "Teams request refused: the body is not an activity"],
    ["an array", "application/json", "[]", 400, "invalid_activity", "Teams request refused: the body is not an activity"],
    ["a type that is not a string", "application/json", '{"type": 5}', 400, "invalid_activity", "Teams request refused: the body is not an activity"],
    ["plain text", "text/plain", "hello", 400, "invalid_activity", "Teams request refused: the body is not an activity"],
    ["malformed JSON", "application/json", '{"type": "message",', 400, "invalid_json", "request body refused"],
    [
      "a body over 1 MB",
      "application/json",
      JSON.stringify({ type: "message", text: "x".repeat(1_100_000) }),
      413,
      "payload_too_large",
      "request body refused",
    ],
  ])("answers %s with a clean 4xx, logged, changing nothing", async (_what, contentType, body, status, error, log) => {
    const { answer, changes } = await answerAndChanges(t.prisma, () =>
      fetch(`${t.url}/api/messages`, { method: "POST", headers: { "content-type": contentType }, body }),
    );
    expect(changes).toEqual({});
    expect(answer.status).toBe(status);
    const json = (await answer.json()) as { error: string; message: string };
    expect(json.error).toBe(error);
    // Said for Teams: not the ingest API's batching advice.
    expect(json.message).not.toContain("rows");
    expect(t.logs.filter((l) => l.msg === log)).toEqual([expect.objectContaining({ level: "info" })]);
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
    expect(t.fakeTeams.activities).toEqual([]);
  });

  it.each<[string, () => Promise<string>, string]>([
    ["a score dialog submit", async () => shownText([], await twin.submit(ADA, "form.score", { agent: BEN.aadObjectId, reference: "C-1" })), "Only leads"],
    ["an attendance dialog submit", async () => shownText([], await twin.submit(ADA, "form.attendance", { member: BEN.aadObjectId })), "Only leads"],
    ["a settings dialog submit", async () => shownText([], await twin.submit(ADA, "form.settings", { scoreGoal: "1" })), "Only admins"],
    ["a paid-day approval", () => twin.click(ADA, "pto.approve", { requestId: "00000000-0000-4000-8000-000000000000" }), "Only leads and admins"],
    ["a nomination removal", () => twin.click(LEAD, "nomination.remove", { nominationId: "00000000-0000-4000-8000-000000000000" }), ""],
    ["a role change", () => twin.told(ADA, `wowbot role ${at(ADA)} admin`, [ADA]), "Only admins"],
    ["a token", () => twin.told(LEAD, "wowbot token create mine"), "Only admins"],
  ])("refuses %s forged by an agent or lead, privately and logged, changing nothing", async (_what, forge, message) => {
    let shown = "";
    expect(
      await changesMadeBy(
        t.prisma,
        async () => {
          shown = await forge();
        },
        // Every message and dialog refreshes the sender's stored conversation reference: bookkeeping, not a change.
        ["TeamsConversation.updatedAt"],
      ),
    ).toEqual({});
    expect(shown).toContain(message);
    expect(refusals().length).toBeGreaterThanOrEqual(1);
    expect(refusals()[0]).toMatchObject({ level: "info", member: expect.any(String) });
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
  });
  it("treats ids of another workspace in buttons like unknown ones, by leads and admins too, changing nothing", async () => {
    const other = await t.prisma.workspace.create({ data: { platform: "teams", externalId: "other-tenant", name: "Other" } });
    const [x, y] = await Promise.all(
      ["aaaaaaaa-0000-4000-8000-0000000000f1", "aaaaaaaa-0000-4000-8000-0000000000f2"].map((platformUserId) =>
        t.prisma.member.create({ data: { workspaceId: other.id, platformUserId, displayName: platformUserId } }),
      ),
    );
    if (!x || !y) throw new Error("seed failed");
    const nominationId = (await t.prisma.nomination.create({ data: { workspaceId: other.id, nomineeId: x.id, nominatorId: y.id, story: "x".repeat(30) } })).id;
    const requestId = (
      await t.prisma.ptoRequest.create({ data: { workspaceId: other.id, memberId: x.id, date: new Date("2026-03-20"), hours: 8, requestKey: "other" } })
    ).id;
    const occurrenceId = (
      await t.prisma.attendanceOccurrence.create({
        data: { workspaceId: other.id, memberId: x.id, date: new Date("2026-03-01"), type: "late", points: 0.5, recordedBy: y.platformUserId },
      })
    ).id;
    const clicks: Array<[typeof ADA, string, Record<string, string>]> = [
      [ADA, "nomination.second", { nominationId }],
      [BOSS, "nomination.remove", { nominationId }],
      [LEAD, "pto.approve", { requestId }],
      [BOSS, "pto.decline", { requestId }],
      [ADA, "pto.cancel", { requestId }],
      [LEAD, "attendance.delete", { occurrenceId }],
    ];
    for (const [user, verb, data] of clicks) {
      t.logs.length = 0;
      let shown = "";
      expect(
        await changesMadeBy(t.prisma, async () => {
          shown = await twin.click(user, verb, data);
        }, ["TeamsConversation.updatedAt"]),
      ).toEqual({});
      expect(shown).toMatch(/doesn't exist|no such|not found/i);
      expect(refusals()).toHaveLength(1);
    }
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});
