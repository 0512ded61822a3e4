// Twin of slack-settings.test.ts on Teams: "wowbot settings" for admins only; the dialog shows the current values and
// offers the channels the bot knows in the tenant's teams; a valid change is saved and audit-logged, every bad value
// is shown beside its own input with nothing saved, and a hand-made submit from an agent is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNKNOWN_CHANNEL } from "../../src/views/notice.js";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { TEAMS_TEAM, TEAMS_TENANT } from "../support/teams-requests.js";
import { type DialogAnswer, dialogInputs, errorsBeside, formOpener, shownText, TeamsTwin, teamsUser } from "../support/teams-twins.js";
import { fullFormSettings } from "../support/twin-expectations.js";

const BOSS = teamsUser(21, "Bo Boss");
const ADA = teamsUser(22, "Ada Agent");
const WOWS = { id: "19:wows@thread.tacv2", name: "Wows" };
const LEADS = { id: "19:leads@thread.tacv2", name: "Leads" };

describe("wowbot settings on Teams", () => {
  let t: TestService;
  let twin: TeamsTwin;
  const workspace = () => t.prisma.workspace.findFirstOrThrow({ where: { platform: "teams", externalId: TEAMS_TENANT } });
  const settingsOf = async () => ((await workspace()).settings ?? {}) as Record<string, unknown>;
  const openSettings = async (user = BOSS): Promise<DialogAnswer> => {
    const opener = formOpener(await twin.says(user, "wowbot settings"), "form.settings");
    expect(opener).not.toBeNull();
    return twin.open(user, opener ?? {});
  };
  const submit = (user: FakeTeamsUser, values: Record<string, string>, channel = WOWS.id) =>
    twin.submit(user, "form.settings", {
      recognitionChannel: channel,
      nominationsPerDay: "3",
      scoreGoal: "85",
      "scoreWeights.connection": "40",
      "scoreWeights.rapport": "20",
      "scoreWeights.unstatedNeeds": "20",
      "scoreWeights.wow": "20",
      ...values,
    });

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    t.fakeTeams.addMember(BOSS).addMember(ADA);
    t.fakeTeams.setChannels(TEAMS_TEAM.id, [{ id: TEAMS_TEAM.id }, WOWS, LEADS]);
    // Installed in a team: the bot learns its channels.
    expect((await t.teams.post(t.teams.installationUpdate(BOSS, { place: { kind: "channel" } }))).status).toBe(200);
    await twin.says(ADA, "help");
  });
  afterAll(() => t?.stop());

  it("refuses non-admins, offering no dialog", async () => {
    const reply = await twin.says(ADA, "wowbot settings");
    expect(JSON.stringify(reply)).toContain("Only admins can change wowbot's settings.");
    expect(formOpener(reply, "form.settings")).toBeNull();
    const opened = await twin.open(ADA, { wowbot: "form.open", form: "form.settings" });
    expect(dialogInputs(opened)).toEqual({});
    expect(shownText([], opened)).toContain("Only admins can change wowbot's settings.");
  });

  it("opens the dialog for admins with the current values and the bot's known channels", async () => {
    const inputs = dialogInputs(await openSettings());
    const values = Object.fromEntries(Object.entries(inputs).map(([id, e]) => [id, e.value]));
    expect(values).toMatchObject({ nominationsPerDay: 5, scoreGoal: 80, "scoreWeights.connection": 25, "scoreWeights.wow": 25 });
    for (const picker of ["recognitionChannel", "leadsChannel"]) {
      const choices = ((inputs[picker]?.choices ?? []) as Array<{ title: string; value: string }>).map((c) => [c.value, c.title]);
      expect(choices).toEqual(
        expect.arrayContaining([
          // Named with their team: every team has a "General".
          [TEAMS_TEAM.id, `General (${TEAMS_TEAM.name})`],
          [WOWS.id, `${WOWS.name} (${TEAMS_TEAM.name})`],
          [LEADS.id, `${LEADS.name} (${TEAMS_TEAM.name})`],
        ]),
      );
    }
  });

  it("saves a valid change, audit-logged", async () => {
    const reply = await submit(BOSS, {});
    expect(reply.task?.type).toBe("message");
    expect(await settingsOf()).toMatchObject({
      recognitionChannel: WOWS.id,
      nominationsPerDay: 3,
      scoreGoal: 85,
      scoreWeights: { connection: 40, rapport: 20, unstatedNeeds: 20, wow: 20 },
    });
    expect(await t.prisma.auditLog.findFirst({ where: { action: "settings.update" } })).toMatchObject({ actor: BOSS.aadObjectId });
  });

  it.each([
    ["weights that don't add up to 100", { "scoreWeights.wow": "30" }, "scoreWeights.connection", "question weights must add up to 100"],
    ["an empty score goal", { scoreGoal: "" }, "scoreGoal", "must be a whole number from 0 to 100"],
    ["a zero daily limit", { nominationsPerDay: "0" }, "nominationsPerDay", "must be a whole number from 1 to 100"],
  ])("refuses %s next to its input and saves nothing", async (_what, values, input, message) => {
    const before = await settingsOf();
    const audits = await t.prisma.auditLog.count();
    const reply = await submit(BOSS, values, LEADS.id);
    expect(reply.task?.type).toBe("continue");
    expect(errorsBeside(reply)[input]).toBe(message);
    expect(await settingsOf()).toEqual(before);
    expect(await t.prisma.auditLog.count()).toBe(audits);
  });

  it("refuses a channel the bot isn't in (a forged or stale choice) next to its input, saving nothing", async () => {
    const before = await settingsOf();
    const reply = await submit(BOSS, { leadsChannel: "19:elsewhere@thread.tacv2" }, "19:forged@thread.tacv2");
    expect(errorsBeside(reply)).toEqual({ recognitionChannel: UNKNOWN_CHANNEL, leadsChannel: UNKNOWN_CHANNEL });
    expect(await settingsOf()).toEqual(before);
  });

  it("saves the lead digest's thresholds, and refuses out-of-range ones next to their input", async () => {
    const values = Object.fromEntries(Object.entries(dialogInputs(await openSettings())).map(([id, e]) => [id, e.value]));
    expect(values).toMatchObject({ riskThresholdPoints: 3, serviceLevelTarget: 80, idleChatThresholdSeconds: 120 });
    const reply = await submit(BOSS, { riskThresholdPoints: "2.5", serviceLevelTarget: "85.5", idleChatThresholdSeconds: "300" });
    expect(reply.task?.type).toBe("message");
    expect(await settingsOf()).toMatchObject({ riskThresholdPoints: 2.5, serviceLevelTarget: 85.5, idleChatThresholdSeconds: 300 });
    const bad = await submit(BOSS, { serviceLevelTarget: "120", idleChatThresholdSeconds: "1.5" });
    expect(errorsBeside(bad)).toEqual({
      serviceLevelTarget: "must be a percentage from 0 to 100",
      idleChatThresholdSeconds: "must be a whole number from 1 to 86400",
    });
    expect(await settingsOf()).toMatchObject({ serviceLevelTarget: 85.5, idleChatThresholdSeconds: 300 });
  });

  describe("attendance, PTO, schedule and time zone", () => {
    const fullForm = (over: Record<string, string> = {}) => ({
      leadsChannel: LEADS.id,
      digestTime: "08:30",
      workdays: "1,2,3,4,6",
      timezone: "America/Los_Angeles",
      attendancePeriod: "two-week",
      "pointsPerType.absence": "2",
      "pointsPerType.late": "0.5",
      "pointsPerType.excused": "0",
      rewardTiers: "2, 4, 6.5",
      hoursPerPaidDay: "7.5",
      accrualCapHours: "40",
      ...over,
    });

    it("shows them in the dialog with their current values", async () => {
      const dialog = await openSettings();
      const values = Object.fromEntries(Object.entries(dialogInputs(dialog)).map(([id, e]) => [id, e.value]));
      expect(values).toMatchObject({ digestTime: "09:00", rewardTiers: "2, 3, 4", timezone: "UTC", attendancePeriod: "week" });
      for (const fragment of ["Calendar month", "Points per late arrival"]) expect(JSON.stringify(dialog)).toContain(fragment);
    });

    it("saves them together with the time zone, audit-logged", async () => {
      expect((await twin.submit(BOSS, "form.settings", fullForm())).task?.type).toBe("message");
      const ws = await workspace();
      expect(ws.timezone).toBe("America/Los_Angeles");
      expect(ws.settings).toMatchObject(fullFormSettings(LEADS.id));
      const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "settings.update" }, orderBy: { at: "desc" } });
      expect(audit.before).toMatchObject({ timezone: "UTC" });
      expect(audit.after).toMatchObject({ timezone: "America/Los_Angeles", hoursPerPaidDay: 7.5 });
      expect((await twin.submit(BOSS, "form.settings", fullForm({ accrualCapHours: "" }))).task?.type).toBe("message");
      expect((await workspace()).settings).toMatchObject({ accrualCapHours: null });
    });

    it("refuses every bad value next to its own input, saving nothing", async () => {
      const before = await workspace();
      const reply = await twin.submit(
        BOSS,
        "form.settings",
        fullForm({ timezone: "Mars/Olympus", workdays: "", rewardTiers: "2, lots", "pointsPerType.late": "11", hoursPerPaidDay: "0" }),
      );
      expect(reply.task?.type).toBe("continue");
      expect(errorsBeside(reply)).toEqual({
        timezone: '"Mars/Olympus" is not a time zone: use an IANA name such as Europe/Berlin or America/New_York.',
        workdays: "choose at least one workday",
        rewardTiers: "must be a number of hours above 0 and up to 1000, in steps of 0.01",
        "pointsPerType.late": "must be a number of points from 0 to 10",
        hoursPerPaidDay: "must be a number of hours above 0 and up to 1000, in steps of 0.01",
      });
      const after = await workspace();
      expect([after.timezone, after.settings]).toEqual([before.timezone, before.settings]);
    });
  });

  it("refuses a hand-made submission from a non-admin", async () => {
    const reply = await submit(ADA, { scoreGoal: "10" });
    // Refused, and the dialog is not offered again: it closes with the reason.
    expect(shownText([], reply)).toContain("Only admins can change wowbot's settings.");
    expect((await settingsOf()).scoreGoal).toBe(85);
  });
});
