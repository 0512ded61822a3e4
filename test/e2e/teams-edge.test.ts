// What reaches POST /api/messages before any handler (issue 18.4, 18.5, 18.7): an activity whose fields have the wrong
// types gets a clear 400, logged; one without a tenant (the Bot Framework Emulator, the README's local-testing path)
// goes to one local development workspace outside production and is refused in production; the workspace is named
// after the tenant, not after whichever team spoke last.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { TEAMS_TENANT } from "../support/teams-requests.js";

const ada: FakeTeamsUser = { id: "29:edge-1", aadObjectId: "dddddddd-0000-4000-8000-000000000001", name: "Ada Agent" };
const ben: FakeTeamsUser = { id: "29:edge-2", aadObjectId: "dddddddd-0000-4000-8000-000000000002", name: "Ben Agent" };

describe("the edge of /api/messages", () => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true });
    t.fakeTeams.addMember(ada).addMember(ben);
  });
  afterAll(() => t?.stop());

  it.each([
    ["a numeric text", (a: Record<string, unknown>) => ({ ...a, text: 42 }), "text must be a string."],
    ["entities that are not a list", (a: Record<string, unknown>) => ({ ...a, entities: { type: "mention" } }), "entities must be a list."],
    [
      "a numeric mention id",
      (a: Record<string, unknown>) => ({ ...a, entities: [{ type: "mention", text: "<at>Ben</at>", mentioned: { id: 7, name: "Ben" } }] }),
      "entities.0.mentioned.id must be a string.",
    ],
    [
      "a numeric tenant id",
      (a: Record<string, unknown>) => ({ ...a, conversation: { ...(a.conversation as object), tenantId: 12 } }),
      "conversation.tenantId must be a string.",
    ],
    [
      "a numeric aadObjectId",
      (a: Record<string, unknown>) => ({ ...a, from: { ...(a.from as object), aadObjectId: 5 } }),
      "from.aadObjectId must be a string.",
    ],
    ["no conversation", (a: Record<string, unknown>) => ({ ...a, conversation: undefined }), "conversation must be an object."],
  ])("answers %s with a 400 saying what is wrong, logged, changing nothing", async (_what, forge, problem) => {
    const members = await t.prisma.member.count();
    const sent = t.fakeTeams.activities.length;
    const res = await t.teams.post(forge(t.teams.message(ada, "help")));
    expect(res).toEqual({ status: 400, body: { error: "invalid_activity", message: `This activity can't be read: ${problem}` } });
    expect(t.logs.at(-1)).toMatchObject({ msg: "Teams request refused: the activity is malformed", problem });
    expect(await t.prisma.member.count()).toBe(members);
    expect(t.fakeTeams.activities.length).toBe(sent);
  });

  it("answers an activity without a tenant, as the Bot Framework Emulator sends it, in a local development workspace", async () => {
    const activity = t.teams.message(ada, "help") as { conversation: Record<string, unknown>; channelData: Record<string, unknown> };
    delete activity.conversation.tenantId;
    delete activity.channelData.tenant;
    const res = await t.teams.post(activity);
    expect(res.status).toBe(200);
    expect(t.fakeTeams.textsTo(String(activity.conversation.id)).at(-1)).toContain("wowbot commands");
    expect(await t.prisma.workspace.findFirst({ where: { externalId: "local-development" } })).toMatchObject({
      platform: "teams",
      name: "Local development (activities without a tenant)",
    });
  });

  it("names the workspace after the tenant, whatever team an activity comes from", async () => {
    await t.teams.post(t.teams.channelMessage(ben, "help", { place: { team: { id: "19:billing@thread.tacv2", name: "Billing Squad" } } }));
    await t.teams.post(t.teams.channelMessage(ada, "help"));
    expect((await t.prisma.workspace.findFirstOrThrow({ where: { externalId: TEAMS_TENANT } })).name).toBe(`Teams tenant ${TEAMS_TENANT.slice(0, 8)}`);
  });
});

describe("the edge of /api/messages in production", () => {
  it("refuses an activity without a tenant with a 400, logged", async () => {
    const t = await startTestService({
      slack: false,
      teams: true,
      env: { NODE_ENV: "production", MICROSOFT_APP_ID: "5f2c1a9e-0000-4000-8000-00000000b07b", MICROSOFT_APP_PASSWORD: "not-a-real-secret" },
    });
    try {
      const activity = t.teams.message(ada, "help") as { conversation: Record<string, unknown>; channelData: Record<string, unknown> };
      delete activity.conversation.tenantId;
      delete activity.channelData.tenant;
      expect(await t.teams.post(activity)).toEqual({
        status: 400,
        body: { error: "no_tenant", message: "Teams activities carry a tenant (conversation.tenantId); this one has none." },
      });
      expect(t.logs.at(-1)).toMatchObject({ msg: "Teams request refused: the activity has no tenant" });
      expect(await t.prisma.workspace.count()).toBe(0);
    } finally {
      await t.stop();
    }
  });
});

describe("Teams answers first, as it does in production", () => {
  it("acknowledges a message before its turn is done, then replies through the connector; an invoke still answers in the body", async () => {
    const t = await startTestService({ slack: false, teams: true, processBeforeResponse: false });
    try {
      t.fakeTeams.addMember(ada);
      // The connector never answers the reply: the HTTP answer must not wait for it.
      t.fakeTeams.hang("send", 1);
      const res = await t.teams.post(t.teams.message(ada, "help"));
      expect(res.status).toBe(200);
      for (let waited = 0; t.fakeTeams.heldCount === 0 && waited < 5_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      expect(t.fakeTeams.heldCount).toBe(1);
      t.fakeTeams.releaseHeld();
      // The next reply goes through, after the answer.
      expect((await t.teams.post(t.teams.message(ada, "help"))).status).toBe(200);
      const helped = () => t.fakeTeams.activities.some((a) => String(a.activity.text).includes("wowbot commands"));
      for (let waited = 0; !helped() && waited < 5_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      expect(helped()).toBe(true);
      const dialog = await t.teams.post(t.teams.taskFetch(ada, { wowbot: "form.open", form: "form.nomination" }));
      expect(dialog.status).toBe(200);
      expect(JSON.stringify(dialog.body)).toContain('"type":"continue"');
    } finally {
      await t.stop();
    }
  });
});
